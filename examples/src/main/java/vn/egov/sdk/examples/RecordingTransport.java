package vn.egov.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DossierTransport;

/**
 * A {@link DossierTransport} that hands every push to another transport and notes what was sent and what the
 * portal answered, with the portal's wire names: each request as {@code {service, isUpdating, data, reply}}. The
 * adapter session and the account never pass through a transport, so they are never noted. A decorator like this
 * one is how a vendor keeps its own trace of what went to the portal.
 */
final class RecordingTransport implements DossierTransport {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final DossierTransport delegate;
    private final ArrayNode requests = json.createArrayNode();

    RecordingTransport(DossierTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
        ObjectNode request = note("DongBoHoSoMC", updating, records);
        return answered(request, () -> delegate.pushDossiers(records, updating));
    }

    @Override
    public AdapterReply pushProgress(List<ObjectNode> rows) {
        return answered(note("CapNhatTienDoHoSoMC", null, rows), () -> delegate.pushProgress(rows));
    }

    @Override
    public AdapterReply pushStatus(List<ObjectNode> statuses) {
        return answered(note("DongBoTrangThaiHoSo", null, statuses), () -> delegate.pushStatus(statuses));
    }

    @Override
    public Optional<JsonNode> findDossier(String maHoSo) {
        return delegate.findDossier(maHoSo);
    }

    /** The requests noted so far. */
    synchronized ArrayNode requests() {
        return requests.deepCopy();
    }

    /** Writes the requests noted so far to {@code file}, as an indented JSON array. */
    synchronized void writeTo(Path file) {
        try {
            Files.writeString(file, json.writeValueAsString(requests), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized ObjectNode note(String service, Boolean updating, List<ObjectNode> records) {
        ObjectNode request = requests.addObject();
        request.put("service", service);
        if (updating != null) {
            request.put("isUpdating", updating ? "True" : "False");
        }
        ArrayNode data = json.createArrayNode();
        records.forEach(r -> data.add(r.deepCopy()));
        request.set("data", data);
        return request;
    }

    private AdapterReply answered(ObjectNode request, Supplier<AdapterReply> push) {
        AdapterReply reply;
        try {
            reply = push.get();
        } catch (AdapterException e) {
            synchronized (this) {
                request.put("exception", e.getClass().getSimpleName());
                request.put("fault", e.fault().name());
            }
            throw e;
        }
        synchronized (this) {
            ObjectNode answer = request.putObject("reply");
            answer.put("error_code", reply.errorCode());
            answer.put("message", reply.message());
        }
        return reply;
    }
}
