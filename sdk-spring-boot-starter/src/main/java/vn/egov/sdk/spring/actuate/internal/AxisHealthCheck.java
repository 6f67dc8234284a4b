package vn.egov.sdk.spring.actuate.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.TransportException;

/**
 * Whether each axis client reaches its axis <em>and</em> is accepted there: one authenticated call (counting the
 * documents waiting) tells an unreachable axis (DOWN, "unreachable") from one that answers but refuses this
 * system's credentials (DOWN, "credentials refused") and from one that answers with another error.
 */
public final class AxisHealthCheck implements HealthCheck {
    private final Map<String, DocumentAxisClient> clients;

    /**
     * Creates the check.
     *
     * @param clients the axis clients by bean name
     */
    public AxisHealthCheck(Map<String, DocumentAxisClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    @Override
    public CheckResult check() {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        clients.forEach((name, client) -> results.put(name, check(client)));
        return CheckResult.combine(results);
    }

    private static CheckResult check(DocumentAxisClient client) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("axis", client.getClass().getSimpleName());
        try {
            long waiting = client.countReceived(MessageType.EDOC);
            details.put("reachable", true);
            details.put("credentials", "accepted");
            details.put("documentsWaiting", waiting);
            return new CheckResult("UP", details);
        } catch (AuthenticationException e) {
            details.put("reachable", true);
            details.put("credentials", "refused");
            details.put("reason", "credentials refused: the axis answered but refused this system's id or secret");
            details.put("error", e.getMessage());
        } catch (TransportException e) {
            details.put("reachable", false);
            details.put("reason", "unreachable: no answer from the axis"
                    + (e.deadlineExceeded() ? " within the deadline" : ""));
            details.put("error", e.getMessage());
        } catch (EgovException e) {
            details.put("reachable", true);
            details.put("reason", "the axis answered with an error (" + e.details().fault() + ")");
            details.put("error", e.getMessage());
        } catch (RuntimeException e) {
            details.put("reason", "the check failed: " + e.getClass().getSimpleName());
        }
        return new CheckResult("DOWN", details);
    }
}
