package vn.egov.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.LgspSimulator;
import vn.egov.sdk.testkit.internal.LgspSystem;

/**
 * The simulated provincial LGSP "Liên thông văn bản" REST v1 of a {@link NationalSandbox}, served under
 * {@code /lgsp/} (point an {@code LgspAxisClient} at {@link NationalSandbox#lgspUrl()}).
 *
 * <p>Account {@value #ADMIN_USERNAME} / {@value #ADMIN_PASSWORD}, application {@value #APPLICATION_CODE}; tokens
 * live {@link #TOKEN_LIFETIME} by the sandbox clock. Two systems are registered: {@value #SYSTEM_1_ID} (key
 * {@value #SYSTEM_1_SECRET_KEY}) serving {@value #SYSTEM_1_ORGAN} and {@value #SYSTEM_2_ID} (key
 * {@value #SYSTEM_2_SECRET_KEY}) serving {@value #SYSTEM_2_ORGAN}, so a test sends as one and receives as the
 * other. These are public test values, not credentials of any real system.
 *
 * <p>Choices where the operator's material is silent: a wrong {@code X-SystemId}/{@code X-SecretKey} is refused
 * with HTTP 200 and {@code {success:false, data:{errorCode:"15"}}} (the LGSP's refusal shape), an expired or
 * unknown bearer token with HTTP 401; {@code getEdoc} returns {@code data.edxml} in Base64 unless
 * {@link #edxmlAsText(boolean)}; an identical re-upload by the same system answers the first {@code docId} with
 * {@code duplicate:true} [INFERRED].
 */
public final class LgspSandbox {
    /** The admin user name. */
    public static final String ADMIN_USERNAME = "sandbox-admin";
    /** The admin password (public test value). */
    public static final String ADMIN_PASSWORD = "sandbox-password";
    /** The application code. */
    public static final String APPLICATION_CODE = "QLVB";
    /** How long a login token lives. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    /** The first system's id. */
    public static final String SYSTEM_1_ID = "lgsp.sandbox.01";
    /** The first system's secret key (public test value). */
    public static final String SYSTEM_1_SECRET_KEY = "sandbox-secret-key-01";
    /** The organ the first system serves. */
    public static final String SYSTEM_1_ORGAN = "000.00.00.H37";
    /** The second system's id. */
    public static final String SYSTEM_2_ID = "lgsp.sandbox.02";
    /** The second system's secret key (public test value). */
    public static final String SYSTEM_2_SECRET_KEY = "sandbox-secret-key-02";
    /** The organ the second system serves. */
    public static final String SYSTEM_2_ORGAN = "000.00.00.H41";

    private final LgspSimulator simulator;

    LgspSandbox(LgspSimulator simulator) {
        this.simulator = simulator;
    }

    /** The simulator with the default account and systems, on the sandbox clock. */
    static LgspSimulator defaultSimulator(Clock clock) {
        return new LgspSimulator(clock, TOKEN_LIFETIME,
                new LgspSimulator.Account(ADMIN_USERNAME, ADMIN_PASSWORD, APPLICATION_CODE),
                List.of(new LgspSystem(SYSTEM_1_ID, SYSTEM_1_SECRET_KEY,
                                List.of(new LgspSystem.Organ(SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)"))),
                        new LgspSystem(SYSTEM_2_ID, SYSTEM_2_SECRET_KEY,
                                List.of(new LgspSystem.Organ(SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)")))));
    }

    /**
     * How many logins succeeded since start or the last {@link NationalSandbox#reset()}.
     *
     * @return the count
     */
    public int logins() {
        return simulator.logins();
    }

    /** Revokes every LGSP login token: the next document call with one gets HTTP 401. */
    public void revokeTokens() {
        simulator.revokeTokens();
    }

    /**
     * How many uploads are stored since start or the last reset (identical re-uploads not counted).
     *
     * @return the count
     */
    public int documentsStored() {
        return simulator.documentsStored();
    }

    /**
     * Refuses the next {@code times} document calls (after the credential checks) with an LGSP error code, as the
     * LGSP does: HTTP 200 and {@code {success:false, data:{errorCode}}}. Nothing is stored by a refused call.
     *
     * @param errorCode the code, for example {@code "20"} (LGSP system error) or {@code "23"} (recipient locked)
     * @param times how many calls, at least 1
     */
    public void refuseNext(String errorCode, int times) {
        if (errorCode == null || errorCode.isBlank() || times < 1) {
            throw ValidationException.of("lgsp.refuseNext", "LgspSandbox.refuseNext",
                    "errorCode must not be blank and times must be at least 1");
        }
        simulator.refuseNext(errorCode, times);
    }

    /**
     * Whether {@code getEdoc} answers the package as XML text (true) or Base64 (false, the default).
     *
     * @param value the choice
     */
    public void edxmlAsText(boolean value) {
        simulator.edxmlAsText(value);
    }

    @Override
    public String toString() {
        return "LgspSandbox" + simulator;
    }
}
