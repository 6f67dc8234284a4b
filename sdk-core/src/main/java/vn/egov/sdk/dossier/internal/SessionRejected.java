package vn.egov.sdk.dossier.internal;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;

/** The adapter called the session invalid (a session-expired code or HTTP 401). Internal, never escapes. */
public final class SessionRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient AdapterReply reply;

    /**
     * @param why what the adapter answered, for example {@code error_code -2}
     * @param reply the reply, or {@code null} for an HTTP 401
     */
    public SessionRejected(String why, AdapterReply reply) {
        super(why, null, false, false);
        this.reply = reply;
    }

    /**
     * The exception a caller sees.
     *
     * @param service the service called
     * @param afterRelogin whether the new session was rejected too
     * @return a retryable exception of fault PLATFORM
     */
    public AdapterException toException(String service, boolean afterRelogin) {
        String what = afterRelogin ? "rejected the new session too (" + getMessage() + ")"
                : "rejected the session (" + getMessage() + "); " + service
                        + " is not safe to repeat, so it was not sent again: send it again";
        return new AdapterException("the DVCQG adapter " + what, ErrorDetails.of(Fault.PLATFORM, true)
                .withPlatformErrorCode(reply == null ? null : reply.errorCode()), null, service, reply, false);
    }
}
