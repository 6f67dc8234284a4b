package vn.egov.sdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Consumes a successful (2xx) response body as a stream, for bodies too large to hold in memory (a fetched
 * package). Used with {@link HttpRuntime#execute(ApiRequest, vn.egov.sdk.core.RequestOptions, ResponseHandler)}.
 *
 * <p>The handler may be called once per attempt: when reading the body fails and the request is safe to repeat,
 * the runtime repeats it and calls the handler again from the start, so a handler must start its output afresh
 * (truncate its file). An {@link IOException} thrown by the handler is treated as a failure of the connection;
 * a handler should report failures of its own output (a full disk) as unchecked exceptions instead.
 *
 * @param <T> what the handler makes of the body
 */
@FunctionalInterface
public interface ResponseHandler<T> {
    /**
     * Reads the body.
     *
     * @param status the HTTP status (2xx)
     * @param headers the response headers, names case-insensitive
     * @param body the body, bounded by the runtime's {@code maxResponseBytes}; closed by the runtime. Reading it
     *        fails only with {@link IOException}s (a broken or truncated answer included), never with an unchecked
     *        exception of the HTTP library
     * @return the result
     * @throws IOException if reading the body fails
     */
    T handle(int status, Map<String, List<String>> headers, InputStream body) throws IOException;
}
