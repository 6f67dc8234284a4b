package vn.egov.sdk.core.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;

/**
 * Turns an I/O failure of one attempt into a {@link TransportException}, deciding whether the server may have seen
 * it. An answer that is not readable HTTP ({@link OkHttpExchange.MalformedResponse}: broken framing, a negative or
 * non-numeric {@code Content-Length}, a status line or body OkHttp refused) counts as a failed connection after the
 * request was sent: retryable, and the request may have reached the server.
 */
public final class TransportFailures {
    private TransportFailures() {
    }

    /**
     * @param request the request of the attempt
     * @param error what OkHttp threw
     * @param deadlineExceeded whether the call's deadline timer fired
     * @param context the attempt
     */
    public static TransportException classify(ApiRequest request, IOException error, boolean deadlineExceeded,
            AttemptContext context) {
        boolean notSent = neverReachedServer(error);
        String what;
        if (deadlineExceeded) {
            what = "the call's deadline passed";
        } else if (notSent) {
            what = "could not connect (" + Redactor.redactText(Causes.describeWithType(error)) + ")";
        } else if (error instanceof OkHttpExchange.MalformedResponse) {
            what = "the answer is not readable HTTP (" + Redactor.redactText(Causes.describe(error)) + ")";
        } else if (error instanceof SocketTimeoutException) {
            what = "no response within the read timeout";
        } else {
            what = "the connection failed (" + Redactor.redactText(Causes.describeWithType(error)) + ")";
        }
        boolean mayHaveReached = !notSent;
        String message = request + ": " + what
                + (mayHaveReached ? "; the request may have reached the server, so its outcome is unknown"
                        : "; the request did not reach the server");
        ErrorDetails details = ErrorDetails.of(Fault.NETWORK, !deadlineExceeded)
                .withCall(context.correlationId(), context.attempt());
        return new TransportException(message, details, error, mayHaveReached, deadlineExceeded);
    }

    private static boolean neverReachedServer(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof SSLHandshakeException) {
            return true;
        }
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return e instanceof SocketTimeoutException && msg.contains("connect");
    }
}
