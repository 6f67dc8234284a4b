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

    /**
     * Whether this transport can send records of a kind at all (a province may expose no status or no progress
     * endpoint). {@code DossierSync} refuses to record what its transport cannot send, rather than hold it in the
     * outbox for ever. The default takes every kind.
     *
     * @param kind the kind of record
     * @return {@code true} when this transport has an endpoint for it
     */
    default boolean accepts(OutboxKind kind) {
        return true;
    }

    /**
     * The most records one progress or status push takes; {@code DossierSync} never sends more in one call. The
     * default sets no limit of its own.
     *
     * @return 1 or more
     */
    default int maxRecordsPerCall() {
        return Integer.MAX_VALUE;
    }
}
