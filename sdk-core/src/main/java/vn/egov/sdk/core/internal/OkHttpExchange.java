package vn.egov.sdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.ResponseHandler;
import vn.egov.sdk.core.io.BoundedInputStream;

/**
 * One attempt on the wire: turns an {@link ApiRequest} into an OkHttp call bounded by the remaining deadline,
 * reads the response body up to a limit, logs the exchange (redacted) and classifies I/O failures.
 */
public final class OkHttpExchange {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.http");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);
    private static final int READ_CHUNK = 64 * 1024;

    /**
     * What came back: status, headers, and either the whole body (owned by the caller) or, for a streamed 2xx
     * response, an empty body and the handler's value.
     */
    public record Result<T>(int status, Map<String, List<String>> headers, byte[] body, T value) {
    }

    private final OkHttpClient http;
    private final long maxResponseBytes;

    /**
     * @param http the client to send with
     * @param maxResponseBytes the largest body read
     */
    public OkHttpExchange(OkHttpClient http, long maxResponseBytes) {
        this.http = http;
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Sends one attempt.
     *
     * @throws TransportException when no usable response came back
     * @throws PlatformException when the body exceeds the limit
     * @throws ValidationException when OkHttp refuses the request (for example a header with a line break)
     */
    public <T> Result<T> send(ApiRequest request, AttemptContext ctx, Duration remaining, ResponseHandler<T> handler) {
        Request okRequest = toOkHttp(request);
        if (LOG.isDebugEnabled()) {
            LOG.debug("→ {} [correlationId={}] attempt {} headers {}", request, ctx.correlationId(), ctx.attempt(),
                    redactedHeaders(request));
        }
        if (LOG.isTraceEnabled()) {
            request.body().flatMap(HttpBody::inMemoryBytes).ifPresent(bytes -> LOG.trace("→ body {}",
                    Redactor.redactText(new String(bytes, StandardCharsets.UTF_8))));
        }
        Call call = http.newCall(okRequest);
        call.timeout().timeout(Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try (Response response = execute(call)) {
            checkFraming(request, response, ctx);
            if (handler != null && response.isSuccessful()) {
                return streamed(request, response, ctx, handler, started);
            }
            byte[] body = readBounded(request, response, ctx);
            if (LOG.isDebugEnabled()) {
                LOG.debug("← {} [correlationId={}] HTTP {} in {} ms, {} bytes", request, ctx.correlationId(),
                        response.code(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), body.length);
            }
            if (LOG.isTraceEnabled()) {
                LOG.trace("← body {}", Redactor.redactText(new String(body, StandardCharsets.UTF_8)));
            }
            return new Result<>(response.code(), response.headers().toMultimap(), body, null);
        } catch (IOException e) {
            boolean deadlineHit = call.isCanceled() || e instanceof InterruptedIOException
                    && !(e instanceof SocketTimeoutException) && "timeout".equals(e.getMessage());
            throw TransportFailures.classify(request, e, deadlineHit, ctx);
        }
    }

    /**
     * Runs the call. OkHttp and okio report some broken answers (a status line or header they cannot hold) with
     * unchecked exceptions: those become a {@link MalformedResponse}, so every failure of the exchange is an
     * {@link IOException} classified by {@link TransportFailures}.
     */
    private static Response execute(Call call) throws IOException {
        try {
            return call.execute();
        } catch (RuntimeException e) {
            throw new MalformedResponse("the exchange failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Refuses framing OkHttp would misread: a {@code Content-Length} that is not a plain decimal number, or several
     * that differ (RFC 9112 §6.3: an unrecoverable error; OkHttp would read such a body to the end of the connection
     * or pass a negative length to okio), and one larger than the limit (refused before reading, unless the answer
     * has no body: a HEAD request, a 204 or a 304 states the length of a body it does not send).
     */
    private void checkFraming(ApiRequest request, Response response, AttemptContext ctx) throws IOException {
        if (response.header("Transfer-Encoding") != null) {
            return; // chunked: OkHttp ignores Content-Length, and a broken chunk fails as an IOException
        }
        List<String> lengths = response.headers("Content-Length");
        String first = null;
        for (String value : lengths) {
            for (String part : value.split(",", -1)) {
                String v = part.strip();
                if (!isLength(v)) {
                    throw new MalformedResponse("Content-Length '" + Redactor.printable(v, 40)
                            + "' is not a decimal number of at most 18 digits", null);
                }
                if (first != null && !first.equals(v)) {
                    throw new MalformedResponse("Content-Length is given twice with different values ("
                            + first + ", " + v + ")", null);
                }
                first = v;
            }
        }
        boolean bodiless = request.method().equals("HEAD") || response.code() == 204 || response.code() == 304;
        if (first != null && !bodiless && Long.parseLong(first) > maxResponseBytes) {
            throw tooLarge(request, response, ctx);
        }
    }

    /** A plain decimal number of 1 to 18 digits (so it fits a long). */
    private static boolean isLength(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private <T> Result<T> streamed(ApiRequest request, Response response, AttemptContext ctx,
            ResponseHandler<T> handler, long started) throws IOException {
        Map<String, List<String>> headers = response.headers().toMultimap();
        java.util.TreeMap<String, List<String>> ci = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        T value;
        try (InputStream raw = new CheckedSourceStream(response.body().byteStream());
                InputStream body = new BoundedInputStream(raw, maxResponseBytes)) {
            value = handler.handle(response.code(), java.util.Collections.unmodifiableMap(ci), body);
        } catch (BoundedInputStream.LimitExceededException e) {
            throw tooLarge(request, response, ctx);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("← {} [correlationId={}] HTTP {} in {} ms, body streamed", request, ctx.correlationId(),
                    response.code(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return new Result<>(response.code(), headers, new byte[0], value);
    }

    private byte[] readBounded(ApiRequest request, Response response, AttemptContext ctx) throws IOException {
        BufferedSource source = response.body().source();
        Buffer buffer = new Buffer();
        long total = 0;
        while (total <= maxResponseBytes) {
            long n;
            try {
                n = source.read(buffer, READ_CHUNK);
            } catch (RuntimeException e) {
                throw new MalformedResponse("the body cannot be read (" + e.getClass().getSimpleName() + ")", e);
            }
            if (n == -1) {
                return buffer.readByteArray();
            }
            total += n;
        }
        throw tooLarge(request, response, ctx);
    }

    private PlatformException tooLarge(ApiRequest request, Response response, AttemptContext ctx) {
        return new PlatformException(request + ": response body exceeds the limit of " + maxResponseBytes + " bytes",
                ErrorDetails.of(Fault.PLATFORM, false).withCall(ctx.correlationId(), ctx.attempt())
                        .withHttpStatus(response.code()), null);
    }

    /**
     * An answer the client cannot read as HTTP: broken framing, or a status line, header or body OkHttp or okio
     * refused with an unchecked exception. The request was sent, so it may have reached the server.
     */
    public static final class MalformedResponse extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedResponse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The response body as handed to a {@link ResponseHandler}: okio's unchecked exceptions on a read (a negative
     * length reaching it, a closed source) become {@link MalformedResponse}, so a handler only ever sees
     * {@link IOException}s from the network.
     */
    private static final class CheckedSourceStream extends java.io.FilterInputStream {
        CheckedSourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        private static MalformedResponse broken(RuntimeException e) {
            return new MalformedResponse("the body cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Request toOkHttp(ApiRequest request) {
        try {
            Request.Builder rb = new Request.Builder().url(request.url().toString());
            for (Map.Entry<String, String> h : request.headers()) {
                rb.addHeader(h.getKey(), h.getValue());
            }
            RequestBody body = request.body().map(OkHttpExchange::toOkHttpBody).orElse(null);
            boolean needsBody = !List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method());
            return rb.method(request.method(), body == null && needsBody ? EMPTY : body).build();
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("request.invalid", "ApiRequest",
                    "the request cannot be sent: " + Redactor.redactText(Causes.describe(e)));
        }
    }

    private static RequestBody toOkHttpBody(HttpBody body) {
        MediaType type = MediaType.parse(body.contentType());
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                body.writeTo(sink.outputStream());
            }
        };
    }

    private static String redactedHeaders(ApiRequest request) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> h : request.headers()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(h.getKey()).append('=').append(Redactor.headerValue(h.getKey(), h.getValue()));
        }
        return sb.append('}').toString();
    }
}
