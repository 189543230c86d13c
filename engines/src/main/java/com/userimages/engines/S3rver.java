package com.userimages.engines;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * s3rver, an open-source implementation of the S3 API, on a free loopback port behind a guard that
 * lets through only this run's signed requests, and a browser's only when presigned and sent from
 * one of the given origins (the bucket has a CORS rule for them). It keeps objects in files: a
 * private temporary directory removed at stop, or a given directory that a restart finds again.
 * The bucket exists once {@link #start} returns.
 */
public final class S3rver extends ChildProcessEngine {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    /** S3's rules for a bucket name that works path-style and virtual-hosted alike. */
    private static final Pattern BUCKET = Pattern.compile("(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)(?!.*\\.\\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** An origin as a browser sends it: scheme, host, port, nothing more. */
    private static final Pattern ORIGIN = Pattern.compile("https?://(?:[a-z0-9.-]+|\\[[0-9a-f:.]+])(?::\\d{1,5})?");
    private static final String LOCK_FILE = ".user-images-s3rver.lock";

    private final String bucket;
    private final List<String> origins;
    private final Path directory;
    private final boolean temporary;
    private final FileChannel lockChannel;

    private S3rver(EngineProcess process, EngineCredentials credentials, String bucket, List<String> origins, Path directory,
                   boolean temporary, FileChannel lockChannel) {
        super(process, credentials);
        this.bucket = bucket;
        this.origins = origins;
        this.directory = directory;
        this.temporary = temporary;
        this.lockChannel = lockChannel;
    }

    /**
     * In a private temporary directory, removed at stop.
     *
     * @param origins the origins (such as {@code http://127.0.0.1:3000}) whose pages may PUT and GET
     *                through presigned URLs; empty for none
     */
    public static S3rver temporary(String bucket, List<String> origins) throws EngineStartException {
        return temporary(bucket, origins, EngineCredentials.random());
    }

    /** In a temporary directory, letting through the given key: a run that starts several engines signs for all with one. */
    public static S3rver temporary(String bucket, List<String> origins, EngineCredentials credentials) throws EngineStartException {
        return start(bucket, origins, null, credentials, System.getenv());
    }

    /** Kept in {@code dataDir} (created if missing); a directory another engine holds is refused. */
    public static S3rver onDisk(Path dataDir, String bucket, List<String> origins) throws EngineStartException {
        return onDisk(dataDir, bucket, origins, EngineCredentials.random());
    }

    /** Kept in {@code dataDir}, letting through the given key. */
    public static S3rver onDisk(Path dataDir, String bucket, List<String> origins, EngineCredentials credentials)
            throws EngineStartException {
        return start(bucket, origins, dataDir, credentials, System.getenv());
    }

    /** S3's rules for a bucket name that works path-style and virtual-hosted alike, as callers check a name before a start. */
    public static boolean isBucketName(String name) {
        return name != null && BUCKET.matcher(name).matches();
    }

    static S3rver start(String bucket, List<String> origins, Path dataDir, Map<String, String> env) throws EngineStartException {
        return start(bucket, origins, dataDir, EngineCredentials.random(), env);
    }

    static S3rver start(String bucket, List<String> origins, Path dataDir, EngineCredentials credentials, Map<String, String> env)
            throws EngineStartException {
        Objects.requireNonNull(credentials, "credentials");
        if (!isBucketName(bucket)) {
            throw new IllegalArgumentException("a bucket name is 3 to 63 characters a-z, 0-9, '.' and '-'");
        }
        List<String> allowed = origins.stream().map(S3rver::origin).distinct().toList();
        boolean temporary = dataDir == null;
        Path directory = temporary ? createTemporary() : createDirectories(dataDir);
        FileChannel lock = temporary ? null : lock(directory);
        List<String> arguments = List.of("--port", "0", "--bucket", bucket, "--origins", String.join(",", allowed),
                "--directory", directory.toAbsolutePath().toString(), "--temporary", Boolean.toString(temporary));
        EngineProcess process;
        try {
            process = EngineProcess.start("s3rver", "s3rver.js", arguments, credentials, env, START_TIMEOUT);
        } catch (EngineStartException e) {
            release(lock, directory, temporary);
            throw e;
        }
        return ready(new S3rver(process, credentials, bucket, allowed, directory, temporary, lock));
    }

    public String bucket() {
        return bucket;
    }

    /** The origins its bucket's CORS rule and its guard let through, as browsers send them. */
    public List<String> origins() {
        return origins;
    }

    /** Where the objects are: the given directory, or the temporary one while it runs. */
    public Path directory() {
        return directory;
    }

    /** The directory it was given; empty when it keeps its objects in a temporary one. */
    public Optional<Path> dataDir() {
        return temporary ? Optional.empty() : Optional.of(directory);
    }

    /** Human-readable, for a start-up banner. */
    @Override
    public String description() {
        return temporary ? "s3rver, bucket " + bucket + ", in a temporary directory" : "s3rver, bucket " + bucket + ", data in " + directory;
    }

    /** Stops the engine; a temporary directory goes with it (the wrapper removes it, this makes sure). */
    @Override
    public void close() {
        super.close();
        release(lockChannel, directory, temporary);
    }

    private static String origin(String origin) {
        String normal = origin == null ? "" : origin.toLowerCase(Locale.ROOT);
        if (!ORIGIN.matcher(normal).matches()) {
            throw new IllegalArgumentException("an origin is scheme://host[:port], such as http://127.0.0.1:3000: " + origin);
        }
        return normal;
    }

    /** Owner-only on POSIX (Java creates temporary directories so); never s3rver's shared default. */
    private static Path createTemporary() throws EngineStartException {
        try {
            return Files.createTempDirectory("user-images-s3rver-");
        } catch (IOException e) {
            throw new EngineStartException("could not create a temporary directory for s3rver: " + e.getMessage());
        }
    }

    private static Path createDirectories(Path dataDir) throws EngineStartException {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new EngineStartException("could not create the data directory " + dataDir + ": " + e.getMessage());
        }
    }

    /**
     * s3rver's files have no lock of their own, so two servers on one directory would overwrite each
     * other's objects: the lock is this JVM's, and the OS drops it when the JVM ends however it ends.
     */
    private static FileChannel lock(Path directory) throws EngineStartException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) return channel;
        } catch (OverlappingFileLockException e) {
            // Held by another engine in this JVM.
        } catch (IOException e) {
            close(channel);
            throw new EngineStartException("could not lock the data directory " + directory + ": " + e.getMessage());
        }
        close(channel);
        throw new EngineStartException("the data directory " + directory + " is in use by another server");
    }

    private static void release(FileChannel lock, Path directory, boolean temporary) {
        close(lock);
        if (temporary) deleteTree(directory);
    }

    private static void close(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock; a channel that fails to close is released with the JVM.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (NoSuchFileException ignored) {
            // Removed meanwhile by the wrapper.
        } catch (IOException ignored) {
            // A temporary file left is the OS's to clean; stopping must not fail for it.
        }
    }

    /** A signed HeadBucket: the answer shows that the engine serves and that the bucket exists. */
    @Override
    void awaitReady() throws EngineStartException {
        Optional<String> problem = EngineProbe.awaitOk(process, () -> EngineProbe.send(endpoint().resolve("/" + bucket), "HEAD",
                credentials(), "s3", Map.of("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"), null), READY_TIMEOUT);
        if (problem.isEmpty()) return;
        throw new EngineStartException(process.alive() ? "s3rver did not become ready: " + problem.get() : process.failure());
    }
}
