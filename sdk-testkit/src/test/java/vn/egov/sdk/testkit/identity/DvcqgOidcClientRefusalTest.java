package vn.egov.sdk.testkit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.OidcDiscoveryException;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The ID-token attacks of issue 12 (and the OpenID RP conformance tests they mirror) driven through the simulator's
 * misbehaviours, a JWKS that is down, a clock ahead of the client's, discovery naming another issuer, and a token
 * endpoint slower than the deadline.
 */
class DvcqgOidcClientRefusalTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of(SsoMisbehaviour.WRONG_NONCE, IdTokenFailure.WRONG_NONCE),
                Arguments.of(SsoMisbehaviour.WRONG_ISSUER, IdTokenFailure.WRONG_ISSUER),
                Arguments.of(SsoMisbehaviour.WRONG_AUDIENCE, IdTokenFailure.WRONG_AUDIENCE),
                Arguments.of(SsoMisbehaviour.EXPIRED, IdTokenFailure.EXPIRED),
                Arguments.of(SsoMisbehaviour.ALG_NONE, IdTokenFailure.ALGORITHM_NOT_ALLOWED),
                Arguments.of(SsoMisbehaviour.HS256_WITH_PUBLIC_KEY, IdTokenFailure.ALGORITHM_NOT_ALLOWED),
                Arguments.of(SsoMisbehaviour.UNKNOWN_KID, IdTokenFailure.UNKNOWN_KEY),
                Arguments.of(SsoMisbehaviour.BAD_SIGNATURE, IdTokenFailure.BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehaviours")
    void aWrongIdTokenFailsTheLoginAndNoUserInfoIsAsked(SsoMisbehaviour misbehaviour, IdTokenFailure expected) {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            sandbox.sso().nextIdToken(misbehaviour);
            IdTokenException e = assertThrows(IdTokenException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2));
            assertEquals(expected, e.failure(), e.getMessage());
            assertEquals(Fault.VERIFICATION, e.fault());
            assertEquals(0, sandbox.requestsTo("/sso/oauth2/userinfo"));
        }
    }

    @Test
    void aReplayedCallbackIsRefusedBeforeItsCodeOrNonceIsUsedAgain() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            SsoLogins.Answered first = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            client.completeLogin(first.callback().toString(), first.start().browserBinding());
            SsoLogins.Answered second = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            // the first login's code and state with the second login's cookie: the state is spent
            assertThrows(LoginStateException.class,
                    () -> client.completeLogin(first.callback().toString(), second.start().browserBinding()));
            assertEquals(1, sandbox.requestsTo("/sso/oauth2/token"));
            client.completeLogin(second.callback().toString(), second.start().browserBinding());
        }
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            sandbox.advanceClock(Duration.ofMinutes(10)); // the provider's clock runs ahead of the client's
            try {
                IdTokenException e = assertThrows(IdTokenException.class,
                        () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2));
                assertEquals(IdTokenFailure.ISSUED_IN_FUTURE, e.failure());
            } finally {
                sandbox.resetClock();
            }
        }
    }

    @Test
    void aJwksThatIsDownFailsClosed() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            sandbox.faults().on("/sso/oauth2/jwks").always().status(503);
            IdTokenException e = assertThrows(IdTokenException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2));
            assertEquals(IdTokenFailure.JWKS_UNAVAILABLE, e.failure());
            assertEquals(Fault.PLATFORM, e.fault());
            assertTrue(e.retryable());
        }
    }

    @Test
    void discoveryNamingAnotherIssuerIsRefused() {
        String asked = sandbox.sso().issuer() + "/"; // the document says ".../sso", without the slash
        OidcDiscoveryException e = assertThrows(OidcDiscoveryException.class,
                () -> OidcProvider.discover(asked, SsoLogins.settings()));
        assertEquals(OidcDiscoveryException.Reason.ISSUER_MISMATCH, e.reason());
    }

    @Test
    void aSlowTokenEndpointHitsTheDeadlineAndTheCodeIsNotSentTwice() {
        ClientSettings quick = SsoLogins.settings().toBuilder().readTimeout(Duration.ofSeconds(1))
                .deadline(Duration.ofMillis(1500)).build();
        OidcProvider provider = SsoLogins.provider(sandbox);
        try (DvcqgOidcClient client = SsoLogins.client(provider).settings(quick).build()) {
            sandbox.faults().on("/sso/oauth2/token").always().delay(Duration.ofSeconds(3));
            TransportException e = assertThrows(TransportException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2));
            assertEquals(1, e.attempts());
            assertEquals(Fault.NETWORK, e.fault());
        }
    }
}
