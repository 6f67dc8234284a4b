package vn.egov.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The systems the sandbox axis knows: id, secret and the organ ids each serves. Immutable. */
public final class VdxpSystems {

    /**
     * One connected system (trung tâm liên thông).
     *
     * @param id the system id ({@code systemid})
     * @param secret its secret key (a public test value)
     * @param organIds the organ ids it sends and receives for
     */
    public record VdxpSystem(String id, String secret, List<String> organIds) {
        /**
         * Copies the organ ids.
         *
         * @param id the system id
         * @param secret the secret
         * @param organIds the organ ids
         */
        public VdxpSystem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            organIds = List.copyOf(organIds);
        }

        @Override
        public String toString() {
            return "VdxpSystem[" + id + ", organs=" + organIds + "]";
        }
    }

    private final Map<String, VdxpSystem> byId;
    private final Map<String, String> systemByOrgan;

    /**
     * @param systems the systems; a later one with the same id replaces an earlier one
     */
    public VdxpSystems(List<VdxpSystem> systems) {
        Map<String, VdxpSystem> ids = new LinkedHashMap<>();
        systems.forEach(s -> ids.put(s.id(), s));
        Map<String, String> organs = new LinkedHashMap<>();
        ids.values().forEach(s -> s.organIds().forEach(o -> organs.putIfAbsent(o, s.id())));
        this.byId = Map.copyOf(ids);
        this.systemByOrgan = Map.copyOf(organs);
    }

    /**
     * A system by id.
     *
     * @param id the system id
     * @return the system, or empty when unknown
     */
    public Optional<VdxpSystem> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The system serving an organ.
     *
     * @param organId the organ id
     * @return the system id, or empty when no system serves it
     */
    public Optional<String> servingSystem(String organId) {
        return Optional.ofNullable(systemByOrgan.get(organId));
    }

    /**
     * The ids of every system.
     *
     * @return the ids
     */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
