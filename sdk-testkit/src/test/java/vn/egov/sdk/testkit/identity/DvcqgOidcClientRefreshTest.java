package vn.egov.sdk.testkit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;
import vn.egov.sdk.identity.IdTokenVerification;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.identity.TokenSet;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * {@code refresh(refreshToken, login)} against the sandbox's SSO: with the provider's JWKS, a refreshed ID token's
 * signature is verified (OpenID Connect Core §12.2 and the login's rules); without one, only its claims are checked.
 */
class DvcqgOidcClientRefreshTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void aRefreshedIdTokenWithABadSignatureIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            assertEquals(IdTokenVerification.SIGNATURE, client.verification());
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            TokenSet fresh = client.refresh(login.tokens().refreshToken().orElseThrow(), login.idToken());
            assertTrue(fresh.idToken().isPresent(), "the simulator sends a refreshed ID token");
            sandbox.sso().nextIdToken(SsoMisbehaviour.BAD_SIGNATURE);
            IdTokenException e = assertThrows(IdTokenException.class,
                    () -> client.refresh(fresh.refreshToken().orElseThrow(), login.idToken()));
            assertEquals(IdTokenFailure.BAD_SIGNATURE, e.failure(), e.getMessage());
            assertEquals(Fault.VERIFICATION, e.fault());
        }
    }

    @Test
    void aRefreshedIdTokenWithAnUnknownKidOrAnotherNonceIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.ENTERPRISE);
            sandbox.sso().nextIdToken(SsoMisbehaviour.UNKNOWN_KID);
            assertEquals(IdTokenFailure.UNKNOWN_KEY, assertThrows(IdTokenException.class,
                    () -> client.refresh(login.tokens().refreshToken().orElseThrow(), login.idToken())).failure());
            LoginResult again = SsoLogins.login(sandbox, client, SsoTestUser.ENTERPRISE);
            sandbox.sso().nextIdToken(SsoMisbehaviour.WRONG_NONCE);
            assertEquals(IdTokenFailure.WRONG_NONCE, assertThrows(IdTokenException.class,
                    () -> client.refresh(again.tokens().refreshToken().orElseThrow(), again.idToken())).failure());
        }
    }

    @Test
    void withoutAJwksOnlyTheClaimsOfARefreshedIdTokenAreChecked() {
        OidcProvider noJwks = SsoLogins.provider(sandbox).toBuilder().jwksUri(null).build();
        try (DvcqgOidcClient client = SsoLogins.client(noJwks).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.ORGANISATION);
            sandbox.sso().nextIdToken(SsoMisbehaviour.BAD_SIGNATURE);
            TokenSet fresh = client.refresh(login.tokens().refreshToken().orElseThrow(), login.idToken());
            assertTrue(fresh.idToken().isPresent(), "PROVIDER_CALL mode: the signature cannot be checked");
            sandbox.sso().nextIdToken(SsoMisbehaviour.WRONG_ISSUER);
            assertEquals(IdTokenFailure.WRONG_ISSUER, assertThrows(IdTokenException.class,
                    () -> client.refresh(fresh.refreshToken().orElseThrow(), login.idToken())).failure());
        }
    }
}
