package vn.egov.sdk.testkit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.identity.AccountKey;
import vn.egov.sdk.identity.AccountType;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenVerification;
import vn.egov.sdk.identity.IdentityPolicy;
import vn.egov.sdk.identity.IdentityPolicyException;
import vn.egov.sdk.identity.LoginCallbackException;
import vn.egov.sdk.identity.LoginProviderException;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.LoginStateFailure;
import vn.egov.sdk.identity.UserInfoFormatException;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoTestUser;

/** The login client end to end through the sandbox's SSO: the three account types, and the flow's refusals. */
class DvcqgOidcClientSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void citizenLogsInWithEveryProtectionOnTheWire() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            assertEquals(IdTokenVerification.SIGNATURE, client.verification());
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            Map<String, String> q = query(a.start().authorizationUrl());
            assertEquals("code", q.get("response_type"));
            assertEquals("S256", q.get("code_challenge_method"));
            assertEquals(43, q.get("code_challenge").length());
            assertEquals("LoA1", q.get("acr_values"));
            assertEquals("openid", q.get("scope"));
            assertEquals(43, q.get("state").length());
            assertEquals(43, q.get("nonce").length());
            assertFalse(a.start().authorizationUrl().toString().contains("ho-so"), "the return path stays home");
            assertFalse(a.start().toString().contains(q.get("state")));

            LoginResult login = client.completeLogin(a.callback().toString(), a.start().browserBinding());
            assertEquals(AccountType.CITIZEN, login.identity().accountType());
            assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), login.identity().subject());
            assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), login.idToken().subject());
            assertEquals(OptionalInt.of(2), login.identity().ial());
            assertTrue(login.identity().vneid().isPresent());
            assertEquals("/ho-so/cua-toi", login.returnPath());
            assertEquals(IdTokenVerification.SIGNATURE, login.verification());
            assertTrue(login.tokens().refreshToken().isPresent());
            assertTrue(login.tokens().idToken().isPresent());
            assertEquals(AccountKey.Kind.TECH_ID, login.identity().accountKey().kind());
            assertTrue(client.vneidLogoutUrl(login.identity()).isPresent());
            String shown = login.toString() + login.tokens();
            assertFalse(shown.contains(login.tokens().accessToken().reveal()));
            assertFalse(shown.contains(login.tokens().idToken().get().reveal()));
        }
    }

    @Test
    void enterpriseLogsIn() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.ENTERPRISE);
            assertEquals(AccountType.ENTERPRISE, login.identity().accountType());
            assertTrue(login.identity().taxCode().isPresent() || login.identity().enterpriseCode().isPresent());
            assertTrue(login.identity().vneid().isEmpty());
        }
    }

    @Test
    void organisationLogsIn() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.ORGANISATION);
            assertEquals(AccountType.ORGANISATION, login.identity().accountType());
            assertEquals(AccountKey.Kind.TECH_ID, login.identity().accountKey().kind());
        }
    }

    @Test
    void anotherStateIsRefusedAndTheRealLoginStillFinishes() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            String forged = a.callback().toString().replace("state=", "state=x");
            LoginStateException e = assertThrows(LoginStateException.class,
                    () -> client.completeLogin(forged, a.start().browserBinding()));
            assertEquals(LoginStateFailure.UNKNOWN_STATE, e.failure());
            assertEquals(0, sandbox.requestsTo("/sso/oauth2/token"), "nothing is exchanged for a forged state");
            client.completeLogin(a.callback().toString(), a.start().browserBinding());
        }
    }

    @Test
    void aPendingLoginIsUsedOnce() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            client.completeLogin(a.callback().toString(), a.start().browserBinding());
            LoginStateException e = assertThrows(LoginStateException.class,
                    () -> client.completeLogin(a.callback().toString(), a.start().browserBinding()));
            assertEquals(LoginStateFailure.ALREADY_USED, e.failure());
            assertEquals(1, sandbox.requestsTo("/sso/oauth2/token"));
        }
    }

    @Test
    void aLoginLeftPendingTooLongHasExpired() {
        ManualClock clock = new ManualClock(Instant.now());
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).clock(clock).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            clock.advance(Duration.ofMinutes(11));
            LoginStateException e = assertThrows(LoginStateException.class,
                    () -> client.completeLogin(a.callback().toString(), a.start().browserBinding()));
            assertEquals(LoginStateFailure.EXPIRED, e.failure());
            assertEquals(0, sandbox.requestsTo("/sso/oauth2/token"));
        }
    }

    @Test
    void anotherBrowsersBindingIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            SsoLogins.Answered other = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            LoginStateException e = assertThrows(LoginStateException.class,
                    () -> client.completeLogin(a.callback().toString(), other.start().browserBinding()));
            assertEquals(LoginStateFailure.BROWSER_MISMATCH, e.failure());
        }
    }

    @Test
    void aCallbackFromAnotherIssuerIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            String mixedUp = a.callback().toString().replaceAll("iss=[^&]*", "iss=https%3A%2F%2Fattacker.example");
            LoginCallbackException e = assertThrows(LoginCallbackException.class,
                    () -> client.completeLogin(mixedUp, a.start().browserBinding()));
            assertEquals(LoginCallbackException.Reason.WRONG_ISSUER, e.reason());
        }
    }

    @Test
    void theUserRefusingIsAccessDenied() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            var start = client.startLogin("/");
            URI denied = sandbox.sso().deny(start.authorizationUrl().toString());
            LoginProviderException e = assertThrows(LoginProviderException.class,
                    () -> client.completeLogin(denied.toString(), start.browserBinding()));
            assertTrue(e.accessDenied());
            assertEquals("access_denied", e.error());
            assertEquals(LoginProviderException.Stage.AUTHORIZATION, e.stage());
            assertEquals(Fault.COUNTERPARTY, e.fault());
            assertThrows(LoginStateException.class,
                    () -> client.completeLogin(denied.toString(), start.browserBinding()));
        }
    }

    @Test
    void userInfoAboutSomeoneElseIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            sandbox.sso().nextIdToken(SsoMisbehaviour.USERINFO_SUB_MISMATCH);
            UserInfoFormatException e = assertThrows(UserInfoFormatException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2));
            assertEquals("sub", e.claim());
        }
    }

    @Test
    void anIalBelowThePolicyIsRefused() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox)
                .identityPolicy(IdentityPolicy.builder().minimumIal(2).build()).build()) {
            IdentityPolicyException e = assertThrows(IdentityPolicyException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL1));
            assertTrue(e.broke(IdentityPolicyException.Rule.MINIMUM_IAL), e.getMessage());
            SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
        }
    }

    @Test
    void tokensAreNotInExceptionMessages() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            String code = query(a.callback()).get("code");
            LoginStateException e = assertThrows(LoginStateException.class,
                    () -> client.completeLogin(a.callback().toString(), "wrong"));
            assertFalse(e.toString().contains(code));
            assertFalse(client.toString().contains("secret-"));
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
