package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.dossier.AdapterException;

/**
 * Posts one JSON body (an object, or the array a provincial endpoint takes) with the JSON headers and the party's
 * own ones, and returns the JSON object it answered. Shared by the adapter client and the provincial endpoints
 * client. Internal.
 */
public final class AdapterWire {
    /** How the DVCQG adapter is named in messages. */
    public static final String ADAPTER = "the DVCQG adapter";

    private final HttpRuntime runtime;
    private final String party;
    private final Map<String, String> headers;

    /**
     * The DVCQG adapter's wire: the {@code dstcode} header on every request.
     *
     * @param runtime the HTTP runtime
     * @param dstcode the {@code dstcode} header value
     */
    public AdapterWire(HttpRuntime runtime, String dstcode) {
        this(runtime, ADAPTER, Map.of("dstcode", dstcode));
    }

    /**
     * A wire to any party answering the {@code {error_code, message, result}} envelope.
     *
     * @param runtime the HTTP runtime (with the party's credentials)
     * @param party how the party is named in messages, for example {@code the provincial endpoint}
     * @param headers extra headers sent with every request (not secret: credentials belong in the runtime)
     */
    public AdapterWire(HttpRuntime runtime, String party, Map<String, String> headers) {
        this.runtime = runtime;
        this.party = party;
        this.headers = new LinkedHashMap<>(headers);
    }

    /**
     * How the party is named in messages.
     *
     * @return the name, for example {@value #ADAPTER}
     */
    public String party() {
        return party;
    }

    /**
     * Posts {@code body} and parses the answer.
     *
     * @param url the full URL
     * @param body the JSON body (may hold the password or the session: never logged here)
     * @param service the service name, for messages
     * @param repeatable whether the runtime may repeat the request after a retryable failure
     * @return the answered JSON object
     * @throws AdapterException for an HTTP error, a network failure or an answer that is not a JSON object
     */
    public JsonNode post(String url, JsonNode body, String service, boolean repeatable) {
        ApiRequest.Builder b = ApiRequest.builder("POST", url).idempotent(repeatable)
                .header("Accept", "application/json")
                .header("Charset", "utf-8");
        headers.forEach(b::header);
        ApiRequest request = b.body(HttpBody.json(body.toString())).build();
        ApiResponse response;
        try {
            response = runtime.execute(request);
        } catch (TransportException e) {
            throw new AdapterException(party + " call " + service + " failed on the network: "
                    + Causes.describe(e), e.details(), e, service, null, e.mayHaveReachedServer());
        } catch (EgovException e) {
            throw new AdapterException(party + " call " + service + " failed: " + e.getMessage(),
                    e.details(), e, service, null, e.fault() != Fault.CALLER);
        }
        return Json.tryParseObject(response.bodyStream()).orElseThrow(() -> new AdapterException(
                party + " answered " + service + " with something that is not a JSON object ("
                        + response.bodyLength() + " bytes)",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null, service, null, true));
    }

    /**
     * The records as one JSON array, after checking the caller gave at least one and no {@code null}.
     *
     * @param items the records
     * @param name how they are named in a validation error, for example {@code records}
     * @return a new array holding them
     * @throws ValidationException for a null or empty list or a null record
     */
    public static ArrayNode array(List<ObjectNode> items, String name) {
        ValidationException.requireElements(items, name);
        if (items.isEmpty()) {
            throw ValidationException.of("dvcqg." + name + ".empty", name, name + " must hold at least one item");
        }
        ArrayNode data = Json.mapper().createArrayNode();
        items.forEach(data::add);
        return data;
    }
}
