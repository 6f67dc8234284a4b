package vn.egov.sdk.jdbc.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vn.egov.sdk.dossier.DossierTransport;

/**
 * A node's transport for multi-node tests: passes every call through, notes each push ({@code node:service:size})
 * and how many pushes of all nodes were in flight at once, and pauses before and after each push (so a kill or a
 * hand-over lands between a push and its mark). A dynamic proxy, so this module's tests name no JSON type.
 */
public final class WatchedTransport {
    private static final Set<String> PUSHES = Set.of("pushDossiers", "pushProgress", "pushStatus", "findDossier");

    private WatchedTransport() {
    }

    /**
     * A watched transport.
     *
     * @param inner the real transport
     * @param node this node's name
     * @param inFlight pushes in flight, shared by the nodes
     * @param maxInFlight the most seen at once, shared by the nodes
     * @param log where pushes are noted (synchronized), shared by the nodes
     * @param pause run before and after each push
     * @return the transport
     */
    public static DossierTransport of(DossierTransport inner, String node, AtomicInteger inFlight,
            AtomicInteger maxInFlight, List<String> log, Runnable pause) {
        return (DossierTransport) Proxy.newProxyInstance(DossierTransport.class.getClassLoader(),
                new Class<?>[] {DossierTransport.class}, (proxy, method, args) -> {
                    if (!PUSHES.contains(method.getName())) {
                        return invoke(method, inner, args);
                    }
                    String service = switch (method.getName()) {
                        case "pushDossiers" -> Boolean.TRUE.equals(args[1]) ? "update" : "create";
                        case "pushProgress" -> "progress";
                        case "pushStatus" -> "status";
                        default -> "lookup";
                    };
                    int size = args[0] instanceof List<?> list ? list.size() : 1;
                    pause.run();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    log.add(node + ":" + service + ":" + size);
                    try {
                        return invoke(method, inner, args);
                    } finally {
                        inFlight.decrementAndGet();
                        pause.run();
                    }
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
