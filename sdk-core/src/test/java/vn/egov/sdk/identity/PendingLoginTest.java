package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

/** The pending login value: validated, copied, and masked in toString. */
class PendingLoginTest {
    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");

    private static PendingLogin of(String state, String nonce, String verifier, String redirect, String ret,
            List<String> acr, Instant at) {
        return new PendingLogin(state, nonce, verifier, redirect, ret, acr, at);
    }

    @Test
    void toStringMasksTheSecrets() {
        PendingLogin l = of("STATE-abcdef", "NONCE-secret", "VERIFIER-secret", "https://p.gov.vn/cb", "/x",
                List.of("LoA1"), T);
        String s = l.toString();
        assertFalse(s.contains("NONCE-secret") || s.contains("VERIFIER-secret") || s.contains("STATE-abcdef"), s);
        assertTrue(s.contains("returnPath=/x") && s.contains("https://p.gov.vn/cb"), s);
    }

    @Test
    void acrValuesAreCopied() {
        List<String> acr = new ArrayList<>(List.of("LoA1"));
        PendingLogin l = of("s", "n", "v", "r", "/", acr, T);
        acr.add("LoA2");
        assertEquals(List.of("LoA1"), l.acrValues());
    }

    @Test
    void everyBrokenRuleIsAValidationExceptionNamingTheField() {
        assertPath("PendingLogin.state", () -> of(null, "n", "v", "r", "/", List.of(), T));
        assertPath("PendingLogin.nonce", () -> of("s", " ", "v", "r", "/", List.of(), T));
        assertPath("PendingLogin.codeVerifier", () -> of("s", "n", "v".repeat(513), "r", "/", List.of(), T));
        assertPath("PendingLogin.redirectUri", () -> of("s", "n", "v", "r\n", "/", List.of(), T));
        assertPath("PendingLogin.returnPath", () -> of("s", "n", "v", "r", "", List.of(), T));
        assertPath("PendingLogin.acrValues", () -> of("s", "n", "v", "r", "/", null, T));
        assertPath("PendingLogin.acrValues[1]", () -> of("s", "n", "v", "r", "/", Arrays.asList("a", null), T));
        assertPath("PendingLogin.acrValues[0]", () -> of("s", "n", "v", "r", "/", List.of(""), T));
        assertPath("PendingLogin.createdAt", () -> of("s", "n", "v", "r", "/", List.of(), null));
        assertPath("PendingLogin.createdAt", () -> of("s", "n", "v", "r", "/", List.of(), Instant.MAX));
        assertPath("PendingLogin.createdAt", () -> of("s", "n", "v", "r", "/", List.of(), Instant.EPOCH));
    }

    private static void assertPath(String path, org.junit.jupiter.api.function.Executable e) {
        assertEquals(path, assertThrows(ValidationException.class, e).errors().get(0).path());
    }

    @Test
    void theExceptionCarriesItsFailure() {
        LoginStateException e = new LoginStateException(LoginStateFailure.EXPIRED, "too old");
        assertEquals(LoginStateFailure.EXPIRED, e.failure());
        assertEquals("pending login EXPIRED: too old", e.getMessage());
        assertThrows(ValidationException.class, () -> new LoginStateException(null, "x"));
    }
}
