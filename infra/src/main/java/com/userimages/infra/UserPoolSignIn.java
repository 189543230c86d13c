package com.userimages.infra;

import com.userimages.contract.Scopes;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.ManagedLoginVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.constructs.Construct;

/**
 * The optional sign-in ({@code -c createUserPool=true}): a Cognito user pool whose resource server
 * {@value #RESOURCE_SERVER} carries the API's scopes ({@link Scopes}), a public client for people
 * (hosted sign-in, authorization code with PKCE) and a confidential one for machines (client
 * credentials, admin scope), and a domain for the token endpoint. The HTTP API's JWT authorizer
 * then trusts this pool's access tokens only.
 */
final class UserPoolSignIn extends Construct {
    static final String RESOURCE_SERVER = "images";
    /** How long a just-rotated refresh token still works, so a client may retry a refresh whose answer it lost. */
    static final int REFRESH_TOKEN_RETRY_GRACE_SECONDS = 10;

    private final UserPool pool;
    private final UserPoolClient peopleClient;
    private final UserPoolClient machineClient;
    private final UserPoolDomain domain;

    UserPoolSignIn(Construct scope, String id, List<String> callbackUrls) {
        super(scope, id);
        pool = UserPool.Builder.create(this, "Pool")
                // Operators invite people (admin-create-user); nobody signs themselves up to someone's images.
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .build())
                // TOTP only: SMS would need an SNS role, a spend limit and a sandbox exit.
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .featurePlan(FeaturePlan.ESSENTIALS)
                // The people in it outlive the stack, like the table (README, "Tear down"); and no console
                // click or stray delete-user-pool call removes them either.
                .removalPolicy(RemovalPolicy.RETAIN)
                .deletionProtection(true)
                .build();
        NagSuppressions.addResourceSuppressions(pool, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-COG3")
                .reason("Threat protection (advanced security, ENFORCED) needs Cognito's Plus feature plan, billed per "
                        + "monthly active user; the pool already requires TOTP MFA and strong passwords and has "
                        + "self sign-up off. A team that wants adaptive authentication switches the plan on.")
                .build()));

        UserPoolResourceServer server = pool.addResourceServer("ResourceServer",
                UserPoolResourceServerOptions.builder()
                        .identifier(RESOURCE_SERVER)
                        .scopes(List.of(scope(Scopes.ADMIN, "create the table (POST /admin/table)"),
                                scope(Scopes.USER, "read and write one's own image collections")))
                        .build());
        OAuthScope user = OAuthScope.resourceServer(server, scope(Scopes.USER, "user"));
        OAuthScope admin = OAuthScope.resourceServer(server, scope(Scopes.ADMIN, "admin"));

        peopleClient = UserPoolClient.Builder.create(this, "PeopleClient")
                .userPool(pool)
                // A browser or CLI cannot keep a secret; PKCE binds the code to whoever asked for it.
                .generateSecret(false)
                // Hosted sign-in only: no SRP or password flow, so InitiateAuth offers no way around the
                // hosted page. A flag set false makes CDK write the (empty) list: omitted, Cognito would
                // default to SRP, custom and refresh-token auth.
                .authFlows(AuthFlow.builder().userSrp(false).build())
                // Each refresh (the token endpoint's refresh_token grant) hands out a new refresh token and
                // retires the old one, so a leaked refresh token stops working once its owner refreshes.
                // Incompatible with InitiateAuth's REFRESH_TOKEN_AUTH, which CDK then leaves out.
                .refreshTokenRotationGracePeriod(Duration.seconds(REFRESH_TOKEN_RETRY_GRACE_SECONDS))
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, user))
                        .callbackUrls(callbackUrls)
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .build();
        machineClient = UserPoolClient.Builder.create(this, "MachineClient")
                .userPool(pool)
                .generateSecret(true)
                // Client credentials only; an explicit list, since an omitted one defaults to SRP and custom auth.
                .authFlows(AuthFlow.builder().userSrp(false).build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().clientCredentials(true).build())
                        .scopes(List.of(admin))
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .build();

        domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(domainPrefix(Stack.of(this))).build())
                .managedLoginVersion(ManagedLoginVersion.CLASSIC_HOSTED_UI)
                .build());
    }

    /**
     * Globally unique per region, lowercase, and free of "aws"/"cognito": the account id and the first
     * group of the stack's own UUID (the last part of its stack id), known only at deploy time.
     */
    static String domainPrefix(Stack stack) {
        String stackUuid = Fn.select(2, Fn.split("/", stack.getStackId()));
        return "user-images-" + stack.getAccount() + "-" + Fn.select(0, Fn.split("-", stackUuid));
    }

    private static ResourceServerScope scope(String fullScope, String description) {
        return ResourceServerScope.Builder.create()
                .scopeName(fullScope.substring(fullScope.indexOf('/') + 1))
                .scopeDescription(description)
                .build();
    }

    /** The issuer of the pool's tokens, as the JWT authorizer must name it. */
    String issuer() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
    }

    List<String> audience() {
        return List.of(peopleClient.getUserPoolClientId(), machineClient.getUserPoolClientId());
    }

    String tokenUrl() {
        return domain.baseUrl() + "/oauth2/token";
    }

    String signInUrl() {
        return domain.baseUrl() + "/oauth2/authorize";
    }

    UserPool pool() { return pool; }

    UserPoolClient peopleClient() { return peopleClient; }

    UserPoolClient machineClient() { return machineClient; }
}
