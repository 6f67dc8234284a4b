package vn.egov.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Hands each request to the simulator owning the longest matching path prefix; 404 when none does. */
public final class SimulatorRouter {

    private static final System.Logger LOG = System.getLogger(SimulatorRouter.class.getName());

    private final List<Simulator> simulators;

    /**
     * Creates a router over a fixed set of simulators.
     *
     * @param simulators the simulators; their prefixes must be distinct and start and end with {@code /}
     */
    public SimulatorRouter(List<? extends Simulator> simulators) {
        Set<String> seen = new HashSet<>();
        for (Simulator simulator : simulators) {
            String prefix = simulator.pathPrefix();
            if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("simulator prefix must start and end with '/': " + prefix);
            }
            if (!seen.add(prefix)) {
                throw new IllegalArgumentException("two simulators claim " + prefix);
            }
        }
        List<Simulator> sorted = new ArrayList<>(simulators);
        sorted.sort(Comparator.comparingInt((Simulator s) -> s.pathPrefix().length()).reversed());
        this.simulators = List.copyOf(sorted);
    }

    /**
     * Routes one request. A simulator that throws produces a 500 JSON error instead of a broken connection.
     *
     * @param request the request
     * @return the simulator's response, or a 404 JSON error when no simulator owns the path
     */
    public SimResponse route(SimRequest request) {
        for (Simulator simulator : simulators) {
            if (request.path().startsWith(simulator.pathPrefix())) {
                try {
                    return simulator.handle(request);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "sandbox simulator failed on " + request, e);
                    return SimResponse.error(500, "sandbox_error", "simulator failed: " + e);
                }
            }
        }
        return SimResponse.error(404, "not_found", "no sandbox simulator serves " + request.path());
    }

    /** Resets the per-test state of every simulator. */
    public void resetAll() {
        simulators.forEach(Simulator::reset);
    }
}
