package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * How dossier records reach the national portal: through the DVCQG integration adapter
 * ({@link DvcqgAdapterClient}) or through a province's own create / update / progress URLs. {@code DossierSync}
 * sends through one of these and does not care which.
 *
 * <p>Each push returns the portal's reply, successful or not ({@link AdapterReply#success()},
 * {@link AdapterReply#alreadyExists()}); a failure to get a reply at all is an {@link AdapterException}.
 */
public interface DossierTransport {
    /**
     * Pushes dossier records ({@code DongBoHoSoMC}).
     *
     * @param records the records, at least one
     * @param updating {@code true} to update dossiers the portal holds, {@code false} to create them
     * @return the reply
     */
    AdapterReply pushDossiers(List<ObjectNode> records, boolean updating);

    /**
     * Pushes progress rows ({@code CapNhatTienDoHoSoMC}).
     *
     * @param rows the rows, at least one
     * @return the reply
     */
    AdapterReply pushProgress(List<ObjectNode> rows);

    /**
     * Pushes status changes ({@code DongBoTrangThaiHoSo}).
     *
     * @param statuses the status records, at least one
     * @return the reply
     */
    AdapterReply pushStatus(List<ObjectNode> statuses);

    /**
     * What the portal holds about a dossier, where this transport can ask: used after a crash to learn whether a
     * send the process died in reached the portal. The default cannot ask.
     *
     * @param maHoSo the dossier code
     * @return the portal's record of the dossier, or empty when it holds none or this transport cannot ask
     */
    default Optional<JsonNode> findDossier(String maHoSo) {
        return Optional.empty();
    }
}
