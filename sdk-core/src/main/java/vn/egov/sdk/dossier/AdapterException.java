package vn.egov.sdk.dossier;

import java.util.Optional;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;

/**
 * A DVCQG adapter call failed. {@link #fault()} says whose fault it was: {@code CALLER} when the portal refused the
 * request (a non-zero {@code error_code}, a refused login, a 4xx), {@code PLATFORM} when it failed (5xx, a reply
 * that is not the adapter's JSON envelope, one too large), {@code NETWORK} when the connection failed or the
 * deadline passed (then {@link #mayHaveReachedServer()} says whether the portal may have acted on it). The
 * portal's own code is in {@link #platformErrorCode()}, the refused reply, when there was one, in {@link #reply()}.
 *
 * <p>The message never contains the password or the session.
 */
public class AdapterException extends EgovException {
    private static final long serialVersionUID = 1L;

    /** The service that was called. */
    private final String service;
    /** The refused reply, or {@code null}. */
    private final transient AdapterReply reply;
    /** Whether the portal may have received the request. */
    private final boolean mayHaveReachedServer;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param details fault, retryability, HTTP status, platform code
     * @param cause the underlying error, or {@code null}
     * @param service the service called ({@code login} for the session login)
     * @param reply the refused reply, or {@code null}
     * @param mayHaveReachedServer whether the portal may have received and acted on the request
     */
    public AdapterException(String message, ErrorDetails details, Throwable cause, String service, AdapterReply reply,
            boolean mayHaveReachedServer) {
        super(message, details, cause);
        this.service = service == null ? "" : service;
        this.reply = reply;
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /**
     * The service that was called.
     *
     * @return the service name, or {@code login}
     */
    public String service() {
        return service;
    }

    /**
     * The reply that refused the call, when the portal answered with its envelope.
     *
     * @return the reply, or empty
     */
    public Optional<AdapterReply> reply() {
        return Optional.ofNullable(reply);
    }

    /**
     * Whether the portal may have received the request: if so its outcome is unknown, so reconcile (look the
     * record up) before sending a create again.
     *
     * @return {@code true} if the outcome is unknown
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
