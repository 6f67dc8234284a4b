package vn.egov.sdk.spring.jdbc.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default name of a node: its host name and process id, shown in the claims table. */
public final class NodeIds {
    private NodeIds() {
    }

    /**
     * The node's name: the one configured, or the host name and process id.
     *
     * @param configured {@code egov.jdbc.node-id}, or {@code null}
     * @return the name, 1 to 200 characters
     */
    public static String nodeId(String configured) {
        if (configured != null) {
            return configured;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            host = "node";
        }
        String name = host + "-" + ProcessHandle.current().pid();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
