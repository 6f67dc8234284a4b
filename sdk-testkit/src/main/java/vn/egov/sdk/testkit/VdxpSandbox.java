package vn.egov.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.VdxpSimulator;
import vn.egov.sdk.testkit.internal.VdxpStore;
import vn.egov.sdk.testkit.internal.VdxpSystems;

/**
 * The sandbox's national document axis (VDXP) under {@code /vdxp/}, from {@link NationalSandbox#vdxp()}: its test
 * systems, what it stored, and a switch to move its clock.
 *
 * <p>Two systems are known by default: {@value #SYSTEM_1} (secret {@value #SECRET_1}) serving {@value #ORGAN_1}
 * (Văn phòng Chính phủ) and {@value #SYSTEM_2} (secret {@value #SECRET_2}) serving {@value #ORGAN_2} (UBND tỉnh Nghệ
 * An), so a test sends from one and receives as the other. These are public test values, not secrets of any real
 * system. The axis checks the {@code XroadVnpt-*} HMAC bundle (timestamp window {@link #DEFAULT_WINDOW} either way of
 * the sandbox clock), stores each accepted package once with its own trace hop ({@value #AXIS_ORGAN_ID}), delivers it
 * to the systems serving its recipients, and lists it until the receiver acknowledges {@code done} ({@code fail}
 * lists it again; {@code processing} keeps it listed). Thread-safe.
 *
 * <p>It accepts what the official client SDKVXP 2.0.1 sends (captured byte for byte): the raw
 * {@code sendEdoc} body with or without its trailing CRLF (or multipart part {@code file_doc}), {@code hash-file}
 * zero-padded or not, {@code sign-header-key} in any order, extra signed headers, and a stale timestamp within the
 * window ({@link NationalSandboxBuilder#vdxpTimestampWindow(Duration)}); every refusal carries
 * {@code "DocId": ""}, which that client reads unconditionally.
 */
public final class VdxpSandbox {

    /** The first default system. */
    public static final String SYSTEM_1 = "vxp.sandbox.01";
    /** Its secret (a public test value). */
    public static final String SECRET_1 = "sandbox-secret";
    /** The organ it serves: Văn phòng Chính phủ. */
    public static final String ORGAN_1 = "000.00.00.G22";
    /** The second default system. */
    public static final String SYSTEM_2 = "vxp.sandbox.02";
    /** Its secret (a public test value). */
    public static final String SECRET_2 = "sandbox-secret-02";
    /** The organ it serves: UBND tỉnh Nghệ An. */
    public static final String ORGAN_2 = "000.00.00.H41";
    /** The organ id of the axis' own trace hop. */
    public static final String AXIS_ORGAN_ID = "vxp.axis";
    /** How far a request's timestamp may be from the axis' clock by default. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final VdxpSimulator simulator;

    VdxpSandbox(VdxpSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /**
     * The ids of the known systems.
     *
     * @return the ids
     */
    public List<String> systems() {
        return simulator.systems().ids();
    }

    /**
     * How many packages the axis accepted since start or the last {@link NationalSandbox#reset()} (each once,
     * however many recipients; a repeated upload of the same file is not counted again).
     *
     * @return the count
     */
    public int storedPackages() {
        return simulator.store().packageCount();
    }

    /**
     * The axis ids of the accepted packages, oldest first.
     *
     * @return the ids
     */
    public List<String> storedDocIds() {
        return simulator.store().packages().stream().map(VdxpStore.Sent::docId).toList();
    }

    /**
     * Moves the axis' clock away from the sandbox clock, so requests' timestamps fall outside its window. Undone by
     * {@link NationalSandbox#reset()}.
     *
     * @param shift how far (either sign)
     */
    public void shiftClock(Duration shift) {
        if (shift == null) {
            throw ValidationException.of("sandbox.vdxp.shift", "VdxpSandbox.shiftClock", "shift is required");
        }
        simulator.shiftClock(shift);
    }

    @Override
    public String toString() {
        return "VdxpSandbox" + systems();
    }

    /** The builder's VDXP settings. */
    static final class Settings {
        private final Map<String, VdxpSystems.VdxpSystem> systems = new LinkedHashMap<>();
        private Duration window = DEFAULT_WINDOW;

        Settings() {
            system(SYSTEM_1, SECRET_1, ORGAN_1);
            system(SYSTEM_2, SECRET_2, ORGAN_2);
        }

        void system(String id, String secret, String... organIds) {
            if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
                throw ValidationException.of("sandbox.vdxp.system", "NationalSandboxBuilder.vdxpSystem",
                        "system id must not be blank nor its secret empty");
            }
            if (organIds == null || organIds.length == 0 || Arrays.stream(organIds).anyMatch(
                    o -> o == null || o.isBlank())) {
                throw ValidationException.of("sandbox.vdxp.organIds", "NationalSandboxBuilder.vdxpSystem",
                        "at least one non-blank organ id is required");
            }
            systems.put(id, new VdxpSystems.VdxpSystem(id, secret, List.of(organIds)));
        }

        void window(Duration value) {
            if (value == null || value.isNegative()) {
                throw ValidationException.of("sandbox.vdxp.window", "NationalSandboxBuilder.vdxpTimestampWindow",
                        "the window must not be negative");
            }
            this.window = value;
        }

        VdxpSimulator simulator(Clock clock) {
            return new VdxpSimulator(new VdxpSystems(new ArrayList<>(systems.values())), clock, window,
                    AXIS_ORGAN_ID);
        }
    }
}
