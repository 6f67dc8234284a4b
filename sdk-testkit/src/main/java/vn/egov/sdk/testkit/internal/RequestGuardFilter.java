package vn.egov.sdk.testkit.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import vn.egov.sdk.core.Causes;

/**
 * The servlet filter in front of WireMock. As {@link #closed()} it answers 404 JSON to everything (WireMock's
 * {@code /__admin}); as {@link #guarding()} it refuses WireMock's other built-in paths ({@code /__files/...}),
 * answers 413 JSON to a body over the cap, and turns a failure of WireMock reading the request (it parses form and
 * multipart bodies before any extension runs) into a 400 JSON error naming what could not be read.
 */
final class RequestGuardFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(RequestGuardFilter.class.getName());
    private final boolean closed;
    private volatile long maxBodyBytes;

    private RequestGuardFilter(boolean closed) {
        this.closed = closed;
    }

    /** A filter that answers every request 404. */
    static RequestGuardFilter closed() {
        return new RequestGuardFilter(true);
    }

    /** A filter that caps bodies ({@link #maxBodyBytes(long)}) and answers unreadable requests with a JSON 400. */
    static RequestGuardFilter guarding() {
        return new RequestGuardFilter(false);
    }

    /** Sets the largest body accepted. */
    void maxBodyBytes(long value) {
        this.maxBodyBytes = value;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
        if (closed || path.startsWith("/__")) {
            answer(response, 404, "not_found", "no sandbox endpoint at " + path
                    + " (WireMock's own endpoints are closed; the sandbox's control API is under /_sandbox/)");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            answer(response, 413, "request_too_large", tooLarge(length));
            return;
        }
        try {
            chain.doFilter(new CappedRequest(request, maxBodyBytes), response);
        } catch (Exception e) { // WireMock rethrows checked exceptions undeclared, so catch them all
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (response.isCommitted()) {
                LOG.log(System.Logger.Level.DEBUG, "sandbox request failed after the answer began: " + path, e);
                return;
            }
            String unreadable = JsonErrorHandler.unreadableBody(e, e.getMessage());
            if (unreadable != null && unreadable.isEmpty()) {
                answer(response, 413, "request_too_large", tooLarge(-1));
            } else if (unreadable != null || e instanceof IllegalArgumentException) {
                answer(response, 400, "malformed_request", describe(request, e));
            } else {
                LOG.log(System.Logger.Level.WARNING, "sandbox failed on " + path, e);
                answer(response, 500, "sandbox_error", "the sandbox failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private String tooLarge(long length) {
        return "the request body " + (length >= 0 ? "has " + length + " bytes" : "is too large")
                + "; the sandbox accepts at most " + maxBodyBytes + " bytes";
    }

    private static String describe(HttpServletRequest request, Throwable e) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = type.startsWith("multipart/") ? "the multipart/form-data body"
                : type.startsWith("application/x-www-form-urlencoded") ? "the application/x-www-form-urlencoded body"
                : "the request";
        String why = Causes.describe(root);
        return what + " cannot be read: " + why;
    }


    private static void answer(HttpServletResponse response, int status, String code, String description)
            throws IOException {
        response.reset();
        response.setStatus(status);
        // the request body may be unread: close the connection rather than let the next request read its rest
        response.setHeader("Connection", "close");
        response.setContentType("application/json; charset=utf-8");
        byte[] body = JsonCodec.write(SimResponse.errorBody(code, description));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Thrown by {@link CappedRequest} when a body without a declared length passes the cap. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("request body too large");
        }
    }

    /** A request whose body stream fails with {@link BodyTooLarge} past the cap. */
    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream capped;

        CappedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), max);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        CappedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
