package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.dossier.AdapterException;

/** Posts one JSON body to the adapter with its headers and returns the JSON object it answered. Internal. */
public final class AdapterWire {
    private final HttpRuntime runtime;
    private final String dstcode;

    /**
     * @param runtime the HTTP runtime
     * @param dstcode the {@code dstcode} header value
     */
    public AdapterWire(HttpRuntime runtime, String dstcode) {
        this.runtime = runtime;
        this.dstcode = dstcode;
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
    public JsonNode post(String url, ObjectNode body, String service, boolean repeatable) {
        ApiRequest request = ApiRequest.builder("POST", url).idempotent(repeatable)
                .header("Accept", "application/json")
                .header("Charset", "utf-8")
                .header("dstcode", dstcode)
                .body(HttpBody.json(body.toString()))
                .build();
        ApiResponse response;
        try {
            response = runtime.execute(request);
        } catch (TransportException e) {
            throw new AdapterException("the DVCQG adapter call " + service + " failed on the network: "
                    + Causes.describe(e), e.details(), e, service, null, e.mayHaveReachedServer());
        } catch (EgovException e) {
            throw new AdapterException("the DVCQG adapter call " + service + " failed: " + e.getMessage(),
                    e.details(), e, service, null, e.fault() != Fault.CALLER);
        }
        return Json.tryParseObject(response.bodyStream()).orElseThrow(() -> new AdapterException(
                "the DVCQG adapter answered " + service + " with something that is not a JSON object ("
                        + response.bodyLength() + " bytes)",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null, service, null, true));
    }
}
