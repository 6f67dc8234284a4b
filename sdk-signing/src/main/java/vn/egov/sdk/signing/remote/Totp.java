package vn.egov.sdk.signing.remote;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the codes SmartCA "Tích hợp" asks for with each
 * signing request. Defaults as SmartCA uses them: HMAC-SHA1, 30 s steps from the Unix epoch, 6 digits. Immutable and
 * thread-safe; the key never appears in {@link #toString()}.
 *
 * <pre>{@code
 * Totp totp = Totp.fromBase32(Secret.of("...the secret the authenticator app was given..."));
 * String code = totp.otp(Instant.now());
 * }</pre>
 */
public final class Totp implements OtpSource {
    /** The HMAC of the codes. */
    public enum Algorithm {
        /** HMAC-SHA1, RFC 6238's default and SmartCA's. */
        SHA1("HmacSHA1"),
        /** HMAC-SHA256. */
        SHA256("HmacSHA256"),
        /** HMAC-SHA512. */
        SHA512("HmacSHA512");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        /**
         * The JCA MAC name.
         *
         * @return the name for {@link javax.crypto.Mac#getInstance(String)}, for example {@code HmacSHA1}
         */
        public String jcaName() {
            return jcaName;
        }
    }

    /** The default time step. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /** The default number of digits. */
    public static final int DEFAULT_DIGITS = 6;

    private static final int MAX_BASE32_CHARS = 1024;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final byte[] key;
    private final Algorithm algorithm;
    private final long stepSeconds;
    private final int digits;

    private Totp(byte[] key, Algorithm algorithm, Duration step, int digits) {
        if (key == null || key.length == 0) {
            throw ValidationException.of("totp.key", "Totp.key", "the OTP key must not be empty");
        }
        ValidationException.requireNonNull(algorithm, "Totp.algorithm");
        if (step == null || step.getSeconds() < 1 || step.getNano() != 0) {
            throw ValidationException.of("totp.step", "Totp.step", "the step must be a whole number of seconds >= 1");
        }
        if (digits < 6 || digits > 8) {
            throw ValidationException.of("totp.digits", "Totp.digits", "digits must be 6, 7 or 8");
        }
        this.key = key.clone();
        this.algorithm = algorithm;
        this.stepSeconds = step.getSeconds();
        this.digits = digits;
    }

    /**
     * SmartCA's kind of generator (HMAC-SHA1, 30 s, 6 digits) from a Base32 secret, the form authenticator apps are
     * given (case, spaces and {@code =} padding ignored).
     *
     * @param base32Secret the secret
     * @return the generator
     * @throws ValidationException if the secret is not Base32
     */
    public static Totp fromBase32(Secret base32Secret) {
        ValidationException.requireNonNull(base32Secret, "Totp.base32Secret");
        return new Totp(base32(base32Secret.reveal()), Algorithm.SHA1, DEFAULT_STEP, DEFAULT_DIGITS);
    }

    /**
     * RFC 4648 Base32 by Bouncy Castle, ignoring case, spaces, hyphens and {@code =} padding; the text is never quoted
     * in the error.
     */
    private static byte[] base32(String text) {
        String t = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_BASE32_CHARS) {
            throw ValidationException.of("base32.length", "Totp.secret", "a Base32 secret of 1.." + MAX_BASE32_CHARS
                    + " characters is required");
        }
        if (!t.matches("[A-Z2-7]+")) {
            throw ValidationException.of("base32.alphabet", "Totp.secret", "the secret is not Base32 (A-Z, 2-7)");
        }
        try {
            byte[] bytes = Base32.decode(t + "=".repeat((8 - t.length() % 8) % 8));
            if (bytes.length > 0) {
                return bytes;
            }
        } catch (RuntimeException e) {
            // a length no Base32 text has (1, 3 or 6 characters past a multiple of 8): reported below
        }
        throw ValidationException.of("base32.length", "Totp.secret",
                "the secret is not whole Base32 (its length leaves 1, 3 or 6 stray characters)");
    }

    /**
     * A generator with every parameter given.
     *
     * @param key the raw key bytes (copied)
     * @param algorithm the HMAC
     * @param step the time step, whole seconds
     * @param digits 6, 7 or 8
     * @return the generator
     */
    public static Totp of(byte[] key, Algorithm algorithm, Duration step, int digits) {
        return new Totp(key, algorithm, step, digits);
    }

    /**
     * The code for a time.
     *
     * @param now the time
     * @return the code, zero-padded to the configured digits
     */
    @Override
    public String otp(Instant now) {
        return code(counter(now));
    }

    /**
     * The code for a time step counter (RFC 4226 HOTP).
     *
     * @param counter the step counter
     * @return the code
     */
    public String code(long counter) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            byte[] msg = new byte[8];
            for (int i = 7; i >= 0; i--) {
                msg[i] = (byte) counter;
                counter >>>= 8;
            }
            h = mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm.jcaName(), e);
        }
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        String s = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /**
     * The step counter of a time: whole steps since the Unix epoch.
     *
     * @param now the time
     * @return the counter
     */
    public long counter(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), stepSeconds);
    }

    /**
     * Whether a code is the one of {@code now}'s step or of up to {@code window} steps either side (clock drift),
     * compared in constant time.
     *
     * @param candidate the code received
     * @param now the time
     * @param window the steps allowed either side, 0..10
     * @return whether it matches
     */
    public boolean matches(String candidate, Instant now, int window) {
        if (candidate == null || candidate.length() != digits || window < 0 || window > 10) {
            return false;
        }
        long c = counter(now);
        boolean ok = false;
        for (long i = c - window; i <= c + window; i++) {
            ok |= MessageDigest.isEqual(code(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    candidate.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return ok;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totp t && MessageDigest.isEqual(t.key, key) && t.algorithm == algorithm
                && t.stepSeconds == stepSeconds && t.digits == digits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, stepSeconds, digits); // nothing of the key
    }

    @Override
    public String toString() {
        return "Totp[" + algorithm + ", " + stepSeconds + " s, " + digits + " digits, key ****]";
    }
}
