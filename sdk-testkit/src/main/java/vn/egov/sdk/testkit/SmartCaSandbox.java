package vn.egov.sdk.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.SmartCaSimulator;
import vn.egov.sdk.testkit.internal.SmartCaUser;

/**
 * The sandbox's VNPT SmartCA remote signing service ("sp769" API) under {@code /smartca/}, from
 * {@link NationalSandbox#smartCa()}: its service provider account, its subscribers, and switches deciding what the
 * simulated signer does.
 *
 * <p>Service provider {@value #SP_ID} with password {@value #SP_PASSWORD}. Subscribers (citizen ids), each holding
 * the test PKI's {@link TestPki.Kind#GOOD} signer's certificate and key, with password {@value #USER_PASSWORD} and
 * TOTP secret {@value #TOTP_SECRET} (Base32; HMAC-SHA1, 30 s, 6 digits):
 * <ul>
 *   <li>{@value #USER_CONFIRMS}: confirms each app (v1) transaction after {@link #DEFAULT_CONFIRM_DELAY};</li>
 *   <li>{@value #USER_DECLINES}: declines (status {@code REJECTED});</li>
 *   <li>{@value #USER_EXPIRES}: lets it expire (status {@code EXPIRED});</li>
 *   <li>{@value #USER_IGNORES}: never answers; its transactions stay {@code PENDING} for
 *       {@link #DEFAULT_TRANSACTION_LIFETIME}, then expire.</li>
 * </ul>
 * These are public test values, not credentials of any real system. Signatures are made with {@code NONEwithRSA}
 * over the SHA-256 {@code DigestInfo} of the hash sent, so each equals a {@code SHA256withRSA} signature of the data
 * hashed. A v2 ("Tích hợp") request needs the password and the TOTP code of the current step or one step either
 * side; its {@code sad} is accepted for {@link #DEFAULT_SAD_LIFETIME}. The switches below last until
 * {@link NationalSandbox#reset()}. Thread-safe.
 */
public final class SmartCaSandbox {
    /** The test service provider id. */
    public static final String SP_ID = "sandbox-sp";
    /** Its password (a public test value). */
    public static final String SP_PASSWORD = "sandbox-sp-password";
    /** A subscriber who confirms. */
    public static final String USER_CONFIRMS = "079099000001";
    /** A subscriber who declines. */
    public static final String USER_DECLINES = "079099000002";
    /** A subscriber who lets transactions expire. */
    public static final String USER_EXPIRES = "079099000003";
    /** A subscriber who never answers. */
    public static final String USER_IGNORES = "079099000004";
    /** The subscribers' SmartCA password (a public test value). */
    public static final String USER_PASSWORD = "sandbox-user-password";
    /** The subscribers' TOTP secret, Base32 (a public test value). */
    public static final String TOTP_SECRET = "ONQW4ZDCN54C243NMFZHIY3BFV2G65DQ";
    /** How long the simulated signer takes by default. */
    public static final Duration DEFAULT_CONFIRM_DELAY = Duration.ofSeconds(2);
    /** When an unanswered transaction expires. */
    public static final Duration DEFAULT_TRANSACTION_LIFETIME = Duration.ofMinutes(5);
    /** How long a {@code sad} is accepted (SmartCA: about 299 s). */
    public static final Duration DEFAULT_SAD_LIFETIME = Duration.ofSeconds(299);

    /** What a subscriber does with an app (v1) transaction. */
    public enum Outcome {
        /** Confirms after the delay. */
        CONFIRM,
        /** Declines after the delay. */
        DECLINE,
        /** Lets it expire (reported after the delay). */
        EXPIRE,
        /** Never answers. */
        IGNORE
    }

    private final SmartCaSimulator simulator;

    SmartCaSandbox(SmartCaSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /**
     * The subscribers' citizen ids.
     *
     * @return the citizen ids of the simulated subscribers, usable as a signer's user id
     */
    public List<String> users() {
        return simulator.userIds();
    }

    /**
     * Adds a subscriber (kept across resets) with the default password and TOTP secret.
     *
     * @param userId the citizen id
     * @param kind which test PKI signer's certificate and key it holds
     * @param outcome what it does with app transactions
     */
    public void addUser(String userId, TestPki.Kind kind, Outcome outcome) {
        if (userId == null || userId.isBlank() || kind == null || outcome == null) {
            throw ValidationException.of("sandbox.smartca.user", "SmartCaSandbox.addUser",
                    "a user id, a PKI kind and an outcome are required");
        }
        simulator.addUser(new SmartCaUser(userId, USER_PASSWORD, TOTP_SECRET, kind), outcome.name());
    }

    /**
     * Changes what a subscriber does with its next app transactions.
     *
     * @param userId the citizen id
     * @param outcome the outcome
     */
    public void outcome(String userId, Outcome outcome) {
        if (userId == null || outcome == null) {
            throw ValidationException.of("sandbox.smartca.outcome", "SmartCaSandbox.outcome",
                    "a user id and an outcome are required");
        }
        simulator.outcome(userId, outcome.name());
    }

    /**
     * How long the simulated signer takes with the next transactions (default {@link #DEFAULT_CONFIRM_DELAY}).
     *
     * @param delay the delay, not negative
     */
    public void confirmAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw ValidationException.of("sandbox.smartca.delay", "SmartCaSandbox.confirmAfter",
                    "the delay must not be negative");
        }
        simulator.confirmDelay(delay);
    }

    /**
     * Moves the service's clock (expires a {@code sad}, a transaction, or puts TOTP codes out of step).
     *
     * @param shift how far, either sign
     */
    public void shiftClock(Duration shift) {
        if (shift == null) {
            throw ValidationException.of("sandbox.smartca.shift", "SmartCaSandbox.shiftClock", "shift is required");
        }
        simulator.shiftClock(shift);
    }

    /**
     * Answers errors with HTTP 200 and the error only in {@code status_code} (as some gateways do), instead of the
     * same HTTP status.
     *
     * @param value whether to
     */
    public void errorsWithHttp200(boolean value) {
        simulator.errorsWithHttp200(value);
    }

    /**
     * Transactions created (app and "Tích hợp") since start or the last reset; repeats of one id count once.
     *
     * @return the number of distinct transactions created
     */
    public int transactionsCreated() {
        return simulator.transactions();
    }

    /**
     * Hashes signed since start or the last reset.
     *
     * @return the number of hashes signed
     */
    public int signaturesMade() {
        return simulator.signaturesMade();
    }

    @Override
    public String toString() {
        return "SmartCaSandbox" + users();
    }

    /** The simulator with the default settings. */
    static SmartCaSimulator defaultSimulator(java.time.Clock clock, java.util.function.Supplier<TestPki> pki) {
        Map<SmartCaUser, String> users = new LinkedHashMap<>();
        users.put(new SmartCaUser(USER_CONFIRMS, USER_PASSWORD, TOTP_SECRET, TestPki.Kind.GOOD), "CONFIRM");
        users.put(new SmartCaUser(USER_DECLINES, USER_PASSWORD, TOTP_SECRET, TestPki.Kind.GOOD), "DECLINE");
        users.put(new SmartCaUser(USER_EXPIRES, USER_PASSWORD, TOTP_SECRET, TestPki.Kind.GOOD), "EXPIRE");
        users.put(new SmartCaUser(USER_IGNORES, USER_PASSWORD, TOTP_SECRET, TestPki.Kind.GOOD), "IGNORE");
        return new SmartCaSimulator(clock, pki, SP_ID, SP_PASSWORD, users, DEFAULT_CONFIRM_DELAY,
                DEFAULT_TRANSACTION_LIFETIME, DEFAULT_SAD_LIFETIME);
    }
}
