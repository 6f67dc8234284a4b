package vn.egov.sdk.axis;

import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * A fetched package: the axis id, the parsed package, the signature check when a verifier is configured, and, when
 * a {@link ReceiveLoop} hands it over, the number of the attempt. Close it to delete temporary attachment files.
 *
 * @param docId the axis' id: with {@link #attempt()} what a handler deduplicates on
 * @param pkg the parsed package
 * @param signature the signature check, if a verifier is configured
 * @param attempt the receive loop's attempt number for this package: {@code 1} when no earlier attempt is
 *        recorded, so it has not been handed over before; {@code n > 1} when {@code n - 1} attempts began before
 *        (each counted before its fetch), any of which may have reached the handler, so this may be a repeat;
 *        {@code 1} for a package fetched outside a loop
 */
public record ReceivedPackage(String docId, EdXmlPackage pkg, Optional<SignatureCheck> signature, int attempt)
        implements AutoCloseable {
    /**
     * Validates the components.
     *
     * @param docId the axis' id, non-null
     * @param pkg the parsed package, non-null
     * @param signature the signature check; null is taken as empty
     * @param attempt the receive loop's attempt number, at least 1
     * @throws ValidationException if the id or the package is null or the attempt is below 1
     */
    public ReceivedPackage {
        ValidationException.requireNonNull(docId, "ReceivedPackage.docId");
        ValidationException.requireNonNull(pkg, "ReceivedPackage.pkg");
        signature = signature == null ? Optional.empty() : signature;
        if (attempt < 1) {
            throw ValidationException.of("receivedPackage.attempt.invalid", "ReceivedPackage.attempt",
                    "attempt must be >= 1");
        }
    }

    /**
     * A package fetched outside a receive loop (attempt 1).
     *
     * @param docId the axis' id
     * @param pkg the parsed package
     * @param signature the signature check, if a verifier is configured
     */
    public ReceivedPackage(String docId, EdXmlPackage pkg, Optional<SignatureCheck> signature) {
        this(docId, pkg, signature, 1);
    }

    /**
     * The same package with another attempt number (sharing the parsed package: close only one of them).
     *
     * @param n the attempt number, at least 1
     * @return the copy
     */
    public ReceivedPackage withAttempt(int n) {
        return new ReceivedPackage(docId, pkg, signature, n);
    }

    @Override
    public void close() {
        pkg.close();
    }
}
