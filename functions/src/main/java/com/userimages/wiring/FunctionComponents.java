package com.userimages.wiring;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.core.data.AwsClients;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.TableAdmin;
import com.userimages.core.http.CollectionRequests;
import com.userimages.core.http.ImageUrls;
import com.userimages.core.http.ReorderRequests;
import com.userimages.core.model.Bounds;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.pagination.PageTokenCodec;
import com.userimages.core.pagination.PageTokenSecrets;
import com.userimages.core.pagination.ReadBudget;
import com.userimages.core.priming.ClassPreloader;
import com.userimages.core.service.CollectionService;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.service.ObjectDeletes;
import com.userimages.core.service.UploadAppends;
import com.userimages.core.service.UploadSlots;
import com.userimages.core.storage.ImageObjects;
import com.userimages.core.storage.PendingUploads;
import com.userimages.core.storage.ObjectUrlSigner;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.storage.UploadSettings;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The wiring of the handlers, as an instance: built from one {@link Settings} value and optionally
 * given collaborators (a DynamoDB client, credentials, a clock, or, for tests, a whole service). In Lambda each handler's no-arg
 * constructor builds one from the environment during init (so inside a SnapStart snapshot), once
 * per container; the local server and the tests build their own, so handlers with different
 * settings can share a JVM. Nothing here is static.
 */
public final class FunctionComponents {
    /** API.md: create-table waits up to 20 s, then answers 202; the function's timeout is set above this. */
    public static final Duration TABLE_CREATION_WAIT = Duration.ofSeconds(20);

    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final DynamoDbClient givenDynamoDb; // null: built from the settings on first use
    private final Consumer<String> logSink; // null: standard output, looked up per line
    // Each null: built from the settings, as in Lambda.
    private final Bounds givenBounds;
    private final CollectionService givenCollectionService;
    private final ListCollectionsService givenListCollectionsService;
    private final TableAdmin givenTableAdmin;
    private final Duration tableCreationWait;
    private final boolean primesBeforeSnapshot;
    private DynamoDbClient dynamoDb;
    private ObjectUrlSigner objectUrlSigner;
    private S3Client s3;

    private FunctionComponents(Builder builder) {
        this.settings = builder.settings;
        // SnapStart-safe: resolves credentials on use, not at snapshot time.
        this.credentials = builder.credentials != null ? builder.credentials : DefaultCredentialsProvider.builder().build();
        this.clock = builder.clock != null ? builder.clock : Clock.systemUTC();
        this.givenDynamoDb = builder.dynamoDb;
        this.logSink = builder.logSink;
        this.givenBounds = builder.bounds;
        this.givenCollectionService = builder.collectionService;
        this.givenListCollectionsService = builder.listCollectionsService;
        this.givenTableAdmin = builder.tableAdmin;
        this.tableCreationWait = builder.tableCreationWait != null ? builder.tableCreationWait : TABLE_CREATION_WAIT;
        this.primesBeforeSnapshot = builder.primesBeforeSnapshot;
    }

    /** The Lambda path: the process environment, the default credentials chain, the system clock. */
    public static FunctionComponents fromEnvironment() {
        return builder(Settings.fromEnvironment()).build();
    }

    /**
     * A handler's no-arg constructor (Lambda's init): starts loading the function's classes on a
     * second core, then wires from the environment.
     */
    public static FunctionComponents forLambda(ApiFunction function) {
        ClassPreloader.start(function);
        return builder(Settings.fromEnvironment()).primesBeforeSnapshot().build();
    }

    /**
     * Whether a handler built from these registers its priming for a SnapStart snapshot: only Lambda's
     * init does; the local server and the tests build handlers that never prime.
     */
    public boolean primesBeforeSnapshot() { return primesBeforeSnapshot; }

    public static FunctionComponents of(Settings settings) {
        return builder(settings).build();
    }

    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    public Settings settings() { return settings; }

    /** One client per components object, shared by everything built from it. */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) dynamoDb = givenDynamoDb != null ? givenDynamoDb : AwsClients.dynamoDb(settings, credentials);
        return dynamoDb;
    }

    public CollectionRepository collectionRepository() {
        return new CollectionRepository(dynamoDb(), settings.value(Setting.TABLE_NAME));
    }

    public Bounds bounds() {
        return givenBounds != null ? givenBounds : Bounds.from(settings);
    }

    public CollectionService collectionService() {
        return givenCollectionService != null ? givenCollectionService : new CollectionService(collectionRepository(), bounds());
    }

    public CollectionRequests collectionRequests() {
        return new CollectionRequests(bounds(), uploadSettings().maxUploadsPerRequest(), clock);
    }

    public ReorderRequests reorderRequests() {
        return new ReorderRequests(bounds());
    }

    /** list-page's service; the only wiring that reads the page-token secret (from Secrets Manager when configured). */
    public ListCollectionsService listCollectionsService() {
        if (givenListCollectionsService != null) return givenListCollectionsService;
        PageTokenSecrets secrets = PageTokenSecrets.from(settings, () -> AwsClients.secretsManager(settings, credentials));
        return new ListCollectionsService(collectionRepository(), new PageTokenCodec(secrets), ReadBudget.from(settings));
    }

    /** The upload bounds and URL lifetimes. */
    public UploadSettings uploadSettings() {
        return UploadSettings.from(settings);
    }

    /**
     * One signer per components object, built on first use: get-item and list-page presign with it
     * and never load the S3 module; it needs {@code IMAGES_BUCKET}.
     */
    public synchronized ObjectUrlSigner objectUrlSigner() {
        if (objectUrlSigner == null) {
            String endpoint = settings.value(Setting.S3_ENDPOINT);
            objectUrlSigner = new ObjectUrlSigner(credentials, imagesBucket(), AwsClients.region(settings),
                    endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)), clock);
        }
        return objectUrlSigner;
    }

    /** One S3 client per components object, built on the first request that reaches the bucket. */
    public synchronized S3Client s3() {
        if (s3 == null) s3 = AwsClients.s3(settings, credentials);
        return s3;
    }

    /** The bucket's objects as the functions use them; needs {@code IMAGES_BUCKET}. */
    public ImageObjects imageObjects() {
        return new ImageObjects(s3(), imagesBucket());
    }

    private String imagesBucket() {
        String bucket = settings.value(Setting.IMAGES_BUCKET);
        if (bucket.isEmpty()) throw new IllegalStateException("setting IMAGES_BUCKET is not set: uploads need the images bucket");
        return bucket;
    }

    /** delete-item's deletes of the objects its writes removed; the S3 side is built only for an uploaded image. */
    public ObjectDeletes objectDeletes() {
        return new ObjectDeletes(this::imageObjects);
    }

    /** append-collection's appends, uploads included; the S3 side is built only for an append that names an upload. */
    public UploadAppends uploadAppends() {
        return new UploadAppends(collectionRepository(), collectionService(),
                () -> new PendingUploads(imageObjects(), uploadSettings().maxUploadBytes()));
    }

    /**
     * How responses give image urls: presigned GETs for uploaded images, signed by
     * {@link #objectUrlSigner()}, which is asked for only when a response holds one.
     */
    public ImageUrls imageUrls() {
        return new ImageUrls(this::objectUrlSigner, uploadSettings());
    }

    /** append-collection's upload slots. */
    public UploadSlots uploadSlots() {
        return new UploadSlots(collectionRepository(), objectUrlSigner(), new UploadIds(new SecureRandom()), uploadSettings());
    }

    /** The scopes each route needs ({@code ADMIN_SCOPE}, {@code DATA_SCOPES}); a malformed value fails at init. */
    public RouteScopes routeScopes() {
        return RouteScopes.from(settings);
    }

    public TableAdmin tableAdmin() {
        return givenTableAdmin != null ? givenTableAdmin : new TableAdmin(dynamoDb(), settings.value(Setting.TABLE_NAME));
    }

    /** How long create-table waits for a new table to become ACTIVE before it answers 202. */
    public Duration tableCreationWait() { return tableCreationWait; }

    /**
     * A function's request log at the configured {@code LOG_LEVEL}: to the builder's sink, or else to
     * standard output (Lambda's path). One per handler instance, since its first line is the cold start.
     */
    public RequestLog requestLog(ApiFunction function) {
        // A malformed LOG_LEVEL fails loudly at init, with the setting's own message, not on a request.
        String value = settings.value(Setting.LOG_LEVEL);
        Setting.LOG_LEVEL.problem(value).ifPresent(problem -> { throw new IllegalStateException(problem); });
        RequestLog.Level level = RequestLog.Level.parse(value);
        return logSink == null ? RequestLog.toStandardOutput(function, level) : RequestLog.of(function, level, logSink);
    }

    /** Collaborators left unset are built from the settings (the DynamoDB client) or take the Lambda defaults. */
    public static final class Builder {
        private final Settings settings;
        private AwsCredentialsProvider credentials;
        private Clock clock;
        private DynamoDbClient dynamoDb;
        private Consumer<String> logSink;
        private Bounds bounds;
        private CollectionService collectionService;
        private ListCollectionsService listCollectionsService;
        private TableAdmin tableAdmin;
        private Duration tableCreationWait;
        private boolean primesBeforeSnapshot;

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** Credentials for the clients built here (not for a given DynamoDB client). */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder dynamoDb(DynamoDbClient dynamoDb) {
            this.dynamoDb = dynamoDb;
            return this;
        }

        /** Where the handlers' request lines go, one whole line per call (default: standard output). */
        public Builder requestLogSink(Consumer<String> logSink) {
            this.logSink = logSink;
            return this;
        }

        /** Bounds other than the settings' (for the requests' parsers and the services built here). */
        public Builder bounds(Bounds bounds) {
            this.bounds = bounds;
            return this;
        }

        /** A service built elsewhere (a test's repository or retry pacing), for the handlers that write and read collections. */
        public Builder collectionService(CollectionService collectionService) {
            this.collectionService = collectionService;
            return this;
        }

        /** list-page's service built elsewhere (a test's page-token secrets or read budget). */
        public Builder listCollectionsService(ListCollectionsService listCollectionsService) {
            this.listCollectionsService = listCollectionsService;
            return this;
        }

        /** create-table's admin built elsewhere (another table name or client). */
        public Builder tableAdmin(TableAdmin tableAdmin) {
            this.tableAdmin = tableAdmin;
            return this;
        }

        public Builder tableCreationWait(Duration tableCreationWait) {
            this.tableCreationWait = tableCreationWait;
            return this;
        }

        /** Lambda's init: handlers built from these prime themselves before a SnapStart snapshot. */
        Builder primesBeforeSnapshot() {
            this.primesBeforeSnapshot = true;
            return this;
        }

        public FunctionComponents build() {
            return new FunctionComponents(this);
        }
    }
}
