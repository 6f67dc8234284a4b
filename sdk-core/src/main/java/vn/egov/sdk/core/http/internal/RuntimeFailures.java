package vn.egov.sdk.core.http.internal;

import java.util.List;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.internal.Redactor;

/** The exceptions the runtime makes itself: answers that are not answers, a passed deadline, earlier failures. */
public final class RuntimeFailures {
    private RuntimeFailures() {
    }

    /**
     * A status that is neither 2xx nor an error status: a redirect (3xx, never followed, so the endpoint is wrong or
     * the platform moved) or a status HTTP does not define as a final answer (1xx reaching the client, 0xx, 6xx…).
     * Not the caller's request but the platform's answer is at fault, and repeating it gives the same answer.
     *
     * @param request the request sent
     * @param response its answer
     * @param ctx the attempt
     * @return the exception to throw
     */
    public static PlatformException notAnAnswer(ApiRequest request, ApiResponse response, AttemptContext ctx) {
        int status = response.status();
        String what;
        if (status >= 300 && status < 400) {
            what = " answered HTTP " + status + " (a redirect "
                    + response.header("Location").map(l -> "to " + location(l)).orElse("without a Location")
                    + "); redirects are not followed: check the endpoint URL";
        } else {
            what = " answered HTTP status " + status + ", which is not a final HTTP answer";
        }
        return new PlatformException(request + what, ErrorDetails.of(Fault.PLATFORM, false)
                .withCall(ctx.correlationId(), ctx.attempt()).withHttpStatus(status), null);
    }

    /** A {@code Location} as it may be shown: no query, fragment or user info, printable, bounded. */
    static String location(String value) {
        String v = value.strip();
        int cut = v.length();
        for (char c : new char[] {'?', '#'}) {
            int i = v.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        v = v.substring(0, cut);
        int scheme = v.indexOf("://");
        int at = v.indexOf('@');
        if (scheme >= 0 && at > scheme) {
            int slash = v.indexOf('/', scheme + 3);
            if (slash < 0 || at < slash) {
                v = v.substring(0, scheme + 3) + v.substring(at + 1);
            }
        }
        return Redactor.printable(v, 200);
    }

    /**
     * The call's deadline passed before an attempt could start.
     *
     * @param request the request
     * @param ctx the attempt that could not start
     * @param failures the earlier attempts' failures
     * @return the exception to throw
     */
    public static TransportException deadlinePassed(ApiRequest request, AttemptContext ctx,
            List<EgovException> failures) {
        boolean mayHaveReached = failures.stream()
                .anyMatch(f -> !(f instanceof TransportException t) || t.mayHaveReachedServer());
        return new TransportException(request + ": the call's deadline passed before attempt " + ctx.attempt(),
                ErrorDetails.of(Fault.NETWORK, false).withCall(ctx.correlationId(), ctx.attempt() - 1), null,
                mayHaveReached, true);
    }

    /**
     * The last failure, with the earlier ones attached as suppressed exceptions.
     *
     * @param last what is thrown
     * @param earlier the failures of earlier attempts
     * @return {@code last}
     */
    public static EgovException finish(EgovException last, List<EgovException> earlier) {
        for (EgovException e : earlier) {
            if (e != last) {
                last.addSuppressed(e);
            }
        }
        return last;
    }
}
