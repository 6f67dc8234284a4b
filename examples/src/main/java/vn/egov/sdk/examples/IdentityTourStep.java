package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.identity.DvcqgIdentity;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenVerification;
import vn.egov.sdk.identity.IdentityPolicy;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStart;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The Tour's login step: a citizen logs in through the sandbox's national SSO without a browser (the simulator's
 * test API answers the login page as the VNeID level-2 citizen), the login client finishes the login with every
 * check (state, browser binding, PKCE, the ID token's signature and claims, the userinfo subject, a policy asking
 * for IAL2), and the validated ID token and the provider's public JWKS are written so that other tools can check
 * the signature again.
 */
final class IdentityTourStep {
    static final String ID_TOKEN_FILE = "id-token.jwt";
    static final String JWKS_FILE = "jwks.json";
    static final String RETURN_PATH = "/ho-so/cua-toi";

    /** What the login did. */
    record Result(LoginResult login, Path idTokenFile, Path jwksFile) {
    }

    private IdentityTourStep() {
    }

    /** Logs the citizen in; writes {@value #ID_TOKEN_FILE} and {@value #JWKS_FILE} to {@code out}. */
    static Result run(NationalSandbox sandbox, Path out, Consumer<String> say) {
        SsoSandbox sso = sandbox.sso();
        try (DvcqgOidcClient client = Login.client(sso.issuer(), SsoSandbox.DEFAULT_CLIENT_ID,
                SsoSandbox.DEFAULT_CLIENT_SECRET, SsoSandbox.DEFAULT_REDIRECT_URI,
                IdentityPolicy.builder().minimumIal(2).build())) {
            OidcProvider provider = client.provider();
            say.accept("discovered the provider " + provider.issuer() + " (JWKS " + provider.jwksUri().orElse(null)
                    + "); the ID token is checked by its signature");
            LoginStart start = client.startLogin(RETURN_PATH);
            say.accept("startLogin: state, nonce and a PKCE S256 verifier kept in the pending-login store with the "
                    + "return path " + RETURN_PATH + "; the browser is sent to " + start.authorizationUrl().getPath()
                    + " and gets the binding cookie");
            URI callback = sso.login(start.authorizationUrl().toString(), SsoTestUser.CITIZEN_VNEID_IAL2);
            say.accept("the simulator's test API answered the login page as \"" + SsoTestUser.CITIZEN_VNEID_IAL2
                    .label() + "\" and consented; the browser comes back to " + callback.getPath()
                    + " with code, state and iss");
            LoginResult login = client.completeLogin(callback.toString(), start.browserBinding());
            Tour.expect(login.verification() == IdTokenVerification.SIGNATURE, "expected a signature check");
            Tour.expect(login.returnPath().equals(RETURN_PATH), "expected the return path back");
            DvcqgIdentity identity = login.identity();
            Tour.expect(identity.ial().orElse(0) == 2, "expected IAL2");
            Tour.expect(identity.subject().equals(login.idToken().subject()), "expected the same subject");
            say.accept("completeLogin: code exchanged with the verifier, ID token valid (iss, aud, azp, exp, iat, "
                    + "nonce, RS256 kid " + sso.currentKeyId() + "), userinfo about the same sub, policy IAL ≥ 2 met");
            say.accept("identity: " + identity);
            say.accept("map the account by " + identity.accountKey() + " (TechID first)");
            Path tokenFile = out.resolve(ID_TOKEN_FILE);
            Path jwksFile = out.resolve(JWKS_FILE);
            write(tokenFile, login.tokens().idToken().map(Secret::reveal).orElseThrow() + "\n");
            write(jwksFile, sso.jwksJson());
            return new Result(login, tokenFile, jwksFile);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
