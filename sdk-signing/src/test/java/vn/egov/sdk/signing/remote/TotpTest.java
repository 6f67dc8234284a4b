package vn.egov.sdk.signing.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;

/** {@link Totp} against RFC 6238 Appendix B's published test vectors, and its input checks. */
class TotpTest {
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void matchesRfc6238Vectors(long time, String sha1, String sha256, String sha512) {
        Instant t = Instant.ofEpochSecond(time);
        assertEquals(sha1, Totp.of(SEED_SHA1, Totp.Algorithm.SHA1, Duration.ofSeconds(30), 8).otp(t));
        assertEquals(sha256, Totp.of(SEED_SHA256, Totp.Algorithm.SHA256, Duration.ofSeconds(30), 8).otp(t));
        assertEquals(sha512, Totp.of(SEED_SHA512, Totp.Algorithm.SHA512, Duration.ofSeconds(30), 8).otp(t));
        // six digits, as SmartCA uses them, are the last six of the eight
        assertEquals(sha1.substring(2), Totp.of(SEED_SHA1, Totp.Algorithm.SHA1, Duration.ofSeconds(30), 6).otp(t));
    }

    @Test
    void base32SecretGivesTheSameCodesAsTheRawKey() {
        // Base32 of the RFC's SHA-1 seed, in the lower case and grouping apps display
        Totp fromBase32 = Totp.fromBase32(Secret.of("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertEquals("287082", fromBase32.otp(Instant.ofEpochSecond(59)));
        assertEquals(Totp.of(SEED_SHA1, Totp.Algorithm.SHA1, Duration.ofSeconds(30), 6), fromBase32);
    }

    @Test
    void acceptsOneStepEitherSideOnlyWhenAsked() {
        Totp totp = Totp.of(SEED_SHA1, Totp.Algorithm.SHA1, Duration.ofSeconds(30), 6);
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        String previous = totp.otp(now.minusSeconds(30));
        assertTrue(totp.matches(previous, now, 1));
        assertFalse(totp.matches(previous, now, 0));
        assertFalse(totp.matches(totp.otp(now.minusSeconds(90)), now, 1));
        assertFalse(totp.matches(null, now, 1));
        assertFalse(totp.matches("12345", now, 1));
    }

    @Test
    void refusesBadParametersAndNeverShowsTheKey() {
        assertThrows(ValidationException.class, () -> Totp.fromBase32(Secret.of("not base32 !!")));
        assertThrows(ValidationException.class, () -> Totp.fromBase32(Secret.of("====")));
        assertThrows(ValidationException.class, () -> Totp.of(new byte[0], Totp.Algorithm.SHA1,
                Duration.ofSeconds(30), 6));
        assertThrows(ValidationException.class, () -> Totp.of(SEED_SHA1, Totp.Algorithm.SHA1,
                Duration.ofMillis(1500), 6));
        assertThrows(ValidationException.class, () -> Totp.of(SEED_SHA1, Totp.Algorithm.SHA1,
                Duration.ofSeconds(30), 9));
        String shown = Totp.fromBase32(Secret.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).toString();
        assertFalse(shown.contains("GEZDGNBV"), shown);
        assertFalse(shown.contains("1234567890"), shown);
    }
}
