package vn.egov.sdk.axis.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.http.Sleeper;

/**
 * Sends a package so that nothing is lost and nothing is sent twice, on an axis without idempotency keys.
 *
 * <p>An attempt whose outcome is unknown (a {@link TransportException} that {@linkplain
 * TransportException#mayHaveReachedServer() may have reached the server}, or a retryable {@link PlatformException}
 * such as a 5xx) is not blindly repeated: the sent list is asked first whether a package with the same
 * {@code hash-file} was accepted. If so its id is returned as a duplicate; if not the package is sent again, up to
 * the attempt cap, waiting as the retry policy says. Any other failure ends the send at once.
 */
public final class VdxpSendLoop {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.vdxp");

    /** The outcome: the axis' id and whether it was found in the sent list rather than answered by a send. */
    public record Outcome(String docId, boolean duplicate) {
    }

    private final int maxAttempts;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    /**
     * @param maxAttempts sends in all, the first included
     * @param retryPolicy how long to wait between sends
     * @param sleeper how to wait
     */
    public VdxpSendLoop(int maxAttempts, RetryPolicy retryPolicy, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    /**
     * Runs the loop.
     *
     * @param send one send; returns the axis' {@code DocId}
     * @param findByHash asks the sent list for the package's hash; returns its id when found
     * @param hashFile the package's hash (for log lines)
     * @return the outcome
     */
    public Outcome run(Supplier<String> send, Function<String, Optional<String>> findByHash, String hashFile) {
        List<EgovException> earlier = new ArrayList<>();
        EgovException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (last != null) {
                if (!pause(attempt, last)) {
                    break;
                }
                earlier.add(last);
            }
            try {
                return new Outcome(send.get(), false);
            } catch (EgovException e) {
                last = e;
                if (!outcomeUnknown(e)) {
                    throw withEarlier(e, earlier);
                }
            }
            Optional<String> found;
            try {
                found = findByHash.apply(hashFile);
            } catch (EgovException e) {
                LOG.warn("sendEdoc hash-file {}: cannot ask the sent list ({}); the outcome stays unknown", hashFile,
                        Causes.describe(e));
                last.addSuppressed(e);
                throw withEarlier(last, earlier);
            }
            if (found.isPresent()) {
                LOG.info("sendEdoc hash-file {}: the axis had accepted the package after all (DocId {}); not sent "
                        + "again", hashFile, found.get());
                return new Outcome(found.get(), true);
            }
            LOG.warn("sendEdoc hash-file {} attempt {} failed ({}) and the axis has no such package",
                    hashFile, attempt, Causes.describe(last));
        }
        throw withEarlier(last, earlier);
    }

    private static EgovException withEarlier(EgovException last, List<EgovException> earlier) {
        earlier.forEach(last::addSuppressed);
        return last;
    }

    private boolean pause(int attempt, EgovException last) {
        Optional<Duration> wait = retryPolicy.delayBefore(attempt, last.details().retryAfter());
        if (wait.isEmpty()) {
            return false;
        }
        try {
            sleeper.sleep(wait.get());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the axis may have accepted the package although the client did not hear so. */
    static boolean outcomeUnknown(EgovException e) {
        if (e instanceof TransportException t) {
            return t.mayHaveReachedServer();
        }
        return e instanceof PlatformException && e.retryable();
    }
}
