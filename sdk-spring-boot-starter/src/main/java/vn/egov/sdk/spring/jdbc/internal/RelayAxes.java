package vn.egov.sdk.spring.jdbc.internal;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.spring.jdbc.EgovJdbcProperties;

/** Chooses the axis client the send outbox relay sends through, by {@code egov.jdbc.relay.axis}. */
public final class RelayAxes {
    private static final String PROPERTY = "egov.jdbc.relay.axis";

    private RelayAxes() {
    }

    /**
     * The relay's axis client.
     *
     * @param choice {@code egov.jdbc.relay.axis}, or {@code null}: the only client, else the national one
     * @param clients the application's axis clients
     * @return the client
     * @throws ValidationException naming {@code egov.jdbc.relay.axis} when the chosen client is missing, or when
     *         there are several and none is chosen
     */
    public static DocumentAxisClient choose(EgovJdbcProperties.RelayAxis choice,
            ObjectProvider<DocumentAxisClient> clients) {
        List<DocumentAxisClient> all = clients.orderedStream().toList();
        if (choice == EgovJdbcProperties.RelayAxis.LGSP) {
            return only(all, LgspAxisClient.class, PROPERTY + "=lgsp needs the provincial axis client (set "
                    + "egov.lgsp.url, or define one LgspAxisClient bean)");
        }
        if (choice == EgovJdbcProperties.RelayAxis.NATIONAL) {
            return only(all, VdxpAxisClient.class, PROPERTY + "=national needs the national axis client (set "
                    + "egov.axis.url, or define one VdxpAxisClient bean)");
        }
        DocumentAxisClient unique = clients.getIfUnique();
        if (unique != null) {
            return unique;
        }
        List<DocumentAxisClient> national = all.stream().filter(VdxpAxisClient.class::isInstance).toList();
        if (national.size() == 1) {
            return national.get(0);
        }
        throw ValidationException.of("required", PROPERTY, "the application has " + all.size() + " axis clients and"
                + " none is the national one: set " + PROPERTY + " (national or lgsp), or egov.jdbc.relay.enabled="
                + "false");
    }

    private static DocumentAxisClient only(List<DocumentAxisClient> all, Class<? extends DocumentAxisClient> type,
            String message) {
        List<DocumentAxisClient> found = all.stream().filter(type::isInstance).toList();
        if (found.size() != 1) {
            throw ValidationException.of("required", PROPERTY, message);
        }
        return found.get(0);
    }
}
