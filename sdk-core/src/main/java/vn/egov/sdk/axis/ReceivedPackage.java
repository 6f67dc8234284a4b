package vn.egov.sdk.axis;

import java.util.Optional;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.core.ValidationException;

/**
 * A fetched package: the axis id, the parsed package, and the signature check when a verifier is configured.
 * Close it to delete temporary attachment files.
 *
 * @param docId the axis' id
 * @param pkg the parsed package
 * @param signature the signature check, if a verifier is configured
 */
public record ReceivedPackage(String docId, EdXmlPackage pkg, Optional<SignatureCheck> signature)
        implements AutoCloseable {
    /** Validates the components. */
    public ReceivedPackage {
        ValidationException.requireNonNull(docId, "ReceivedPackage.docId");
        ValidationException.requireNonNull(pkg, "ReceivedPackage.pkg");
        signature = signature == null ? Optional.empty() : signature;
    }

    @Override
    public void close() {
        pkg.close();
    }
}
