package vn.egov.sdk.testkit.internal;

import java.util.List;
import java.util.Objects;

/**
 * A system registered on the simulated LGSP: its {@code X-SystemId}, {@code X-SecretKey} and the organs it sends
 * and receives for.
 *
 * @param systemId the system id
 * @param secretKey its secret key (a public test value)
 * @param organs the organ ids it serves, with their names
 */
public record LgspSystem(String systemId, String secretKey, List<Organ> organs) {
    /** An organ served by a system. */
    public record Organ(String organId, String name) {
    }

    /** Copies the list. */
    public LgspSystem {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(secretKey, "secretKey");
        organs = List.copyOf(organs);
    }

    /** Masks the secret key. */
    @Override
    public String toString() {
        return "LgspSystem[systemId=" + systemId + ", secretKey=****, organs=" + organs + "]";
    }

    /** Whether this system serves the organ. */
    public boolean serves(String organId) {
        return organs.stream().anyMatch(o -> o.organId().equals(organId));
    }
}
