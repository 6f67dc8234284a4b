package vn.egov.sdk.testkit.internal;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error answers (a request Jetty itself refuses, before the sandbox sees it) as the sandbox's JSON error
 * {@code {"error": ..., "error_description": ...}}, without stack traces or HTML.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json; charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        Object thrown = request.getAttribute(ERROR_EXCEPTION);
        Throwable failure = cause != null ? cause : thrown instanceof Throwable t ? t : null;
        String unreadable = code == 500 ? unreadableBody(failure, message) : null;
        if (unreadable != null) {
            boolean tooLarge = unreadable.isEmpty();
            code = tooLarge ? 413 : 400;
            message = tooLarge ? "the request body is larger than the sandbox accepts" : unreadable;
        }
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
        return ByteBuffer.wrap(body(status, reason));
    }

    /**
     * Whether a server error is WireMock failing to read the request (it parses form and multipart bodies before the
     * sandbox sees them): "" when the body was over the cap, a description when it was malformed, else null.
     */
    static String unreadableBody(Throwable failure, String message) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestGuardFilter.BodyTooLarge) {
                return "";
            }
            if (t.getClass().getName().startsWith("org.apache.commons.fileupload")) {
                return "the multipart/form-data body cannot be read: " + t.getMessage();
            }
        }
        String text = message == null ? "" : message;
        if (text.contains("org.apache.commons.fileupload")) {
            return "the multipart/form-data body cannot be read: " + text.substring(text.indexOf(": ") + 2);
        }
        if (text.contains("RequestGuardFilter$BodyTooLarge")) {
            return "";
        }
        return null;
    }

    static byte[] body(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        String description = message == null || message.isBlank() ? reason : message;
        return JsonCodec.write(SimResponse.errorBody(code >= 500 ? "sandbox_error" : "bad_request",
                "HTTP " + code + " (" + reason + "): " + description));
    }
}
