package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;

/**
 * The national axis' calls below the operations: building a request, reading the envelope of an answer, streaming a
 * {@code getEdoc} answer into a file, and the checks on the caller's arguments.
 */
public final class VdxpCalls {
    private static final HttpBody EMPTY_JSON = HttpBody.ofBytes(new byte[0], "application/json");

    private final String endpoint;
    private final HttpRuntime runtime;
    private final VdxpErrors errors;
    private final AxisFiles files;

    /**
     * @param endpoint the axis' base URL, without a trailing {@code /}
     * @param runtime the runtime that sends
     * @param errors the error table
     * @param files where temporary files go
     */
    public VdxpCalls(String endpoint, HttpRuntime runtime, VdxpErrors errors, AxisFiles files) {
        this.endpoint = endpoint;
        this.runtime = runtime;
        this.errors = errors;
        this.files = files;
    }

    /**
     * A call without a body of its own: a {@code POST} carries an empty body with {@code Content-Type:
     * application/json}, as the official client sends it.
     *
     * @param method the HTTP method
     * @param path the operation's path
     * @return the request builder
     */
    public ApiRequest.Builder call(String method, String path) {
        ApiRequest.Builder b = ApiRequest.builder(method, endpoint + path);
        return "POST".equals(method) ? b.body(EMPTY_JSON) : b;
    }

    /**
     * Sends a request and returns the JSON object of an answer the envelope calls a success.
     *
     * @param request the request
     * @param options per-call options
     * @return the answer's JSON object
     * @throws PlatformException naming what the answer is instead
     */
    public JsonNode send(ApiRequest request, RequestOptions options) {
        return answer(request, runtime.execute(request, options));
    }

    /**
     * The JSON object of a 2xx answer that the axis' envelope says is a success (refusals were already turned into
     * exceptions by {@link VdxpErrors}).
     *
     * @param request the request
     * @param response its answer
     * @return the answer's JSON object
     * @throws PlatformException naming what the answer is instead
     */
    public JsonNode answer(ApiRequest request, ApiResponse response) {
        JsonNode body = Json.tryParseObject(response.bodyStream()).orElseThrow(() -> new PlatformException(request
                + " answered HTTP " + response.status() + " with a body that is not a JSON object",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null));
        VdxpEnvelope env = VdxpEnvelope.of(body);
        if (env.refusal()) {
            throw errors.refusal(request, env, response.status(), context());
        }
        if (!env.ok()) {
            throw malformed(request, response.status(), "with a JSON object that is not the axis' envelope ("
                    + env.problem().orElse("") + ")");
        }
        return body;
    }

    /**
     * The {@code DocId} of a {@code sendEdoc} answer.
     *
     * @param request the request
     * @param body the answer's JSON object
     * @return the id
     */
    public static String docIdOf(ApiRequest request, JsonNode body) {
        return AxisIds.of(body.get("DocId")).orElseThrow(() -> new PlatformException(request
                + " answered OK without a usable DocId (" + AxisIds.describe(body.get("DocId")) + ")",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(200), null));
    }

    /**
     * Downloads a package into a temporary file, decoding base64 as it streams; the caller deletes the file.
     *
     * @param docId the package's id, already checked
     * @return the file
     */
    public Path download(String docId) {
        ApiRequest request = call("POST", "/getEdoc")
                .header(VdxpHeaderBundle.PREFIX + "docId", docId)
                .idempotent(true).build();
        Path file = files.newFile(".edxml");
        boolean done = false;
        try {
            // streamed: the base64 is decoded into the file as it arrives, never held whole in memory
            Streamed got = runtime.execute(request, RequestOptions.DEFAULT, (status, headers, body) -> {
                try (OutputStream out = Files.newOutputStream(file)) {
                    return new Streamed(status, VdxpEnvelope.decodeStreaming(body, out));
                }
            });
            check(request, got);
            if (Files.size(file) == 0) {
                throw malformed(request, got.status(), "without a package (data absent or empty)");
            }
            done = true;
            return file;
        } catch (IOException e) {
            throw localFailure("cannot store the fetched package " + docId, e);
        } finally {
            if (!done) {
                AxisFiles.delete(file);
            }
        }
    }

    private void check(ApiRequest request, Streamed got) {
        int status = got.status();
        if (got.decoded().isEmpty()) {
            throw malformed(request, status, "with a body that is not one JSON object");
        }
        VdxpEnvelope env = got.decoded().get().envelope();
        if (env.refusal()) {
            throw errors.refusal(request, env, status, context());
        }
        if (!env.defect().isEmpty()) {
            throw malformed(request, status, "with a JSON object that is not the axis' envelope ("
                    + env.defect() + ")");
        }
        String dataDefect = got.decoded().get().dataDefect();
        if (!dataDefect.isEmpty()) {
            throw malformed(request, status, "with a package whose " + dataDefect);
        }
        if (!env.ok()) {
            throw malformed(request, status, "with a JSON object that is not the axis' envelope ("
                    + env.problem().orElse("") + ")");
        }
    }

    private AttemptContext context() {
        return new AttemptContext("", 1, Optional.empty(), runtime.clock().instant());
    }

    private static PlatformException malformed(ApiRequest request, int status, String what) {
        return new PlatformException(request + " answered HTTP " + status + " " + what,
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(status), null);
    }

    /**
     * A local I/O failure (a temporary file, the caller's stream).
     *
     * @param what what could not be done
     * @param e the cause
     * @return the exception to throw
     */
    public static EgovException localFailure(String what, IOException e) {
        return new EgovException(what + ": " + e.getClass().getSimpleName(), ErrorDetails.of(Fault.CALLER, false),
                new UncheckedIOException(e));
    }

    /**
     * Refuses a missing argument.
     *
     * @param value the argument
     * @param field its name
     */
    public static void require(Object value, String field) {
        if (value == null) {
            throw ValidationException.of("vdxp." + field, field, field + " is required");
        }
    }

    /**
     * Refuses a docId that could be neither fetched nor acknowledged.
     *
     * @param value the id
     */
    public static void requireDocId(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("vdxp.docId", "docId", "docId is required");
        }
        Optional<String> problem = AxisIds.problem(value);
        if (problem.isPresent()) {
            throw ValidationException.of("vdxp.docId", "docId", "docId must be 1 to " + AxisIds.MAX_LENGTH
                    + " printable ASCII characters without spaces or path separators, and " + problem.get());
        }
    }

    /** What the streamed {@code getEdoc} answer held, and its HTTP status. */
    private record Streamed(int status, Optional<VdxpEnvelope.Decoded> decoded) {
    }
}
