package vn.egov.sdk.axis;

import java.io.IOException;
import java.io.InputStream;

/**
 * Checks the signature of a received package (SPI; {@code sdk-signing} implements it). The axis client hands the
 * result to the caller with the package; it does not refuse a package itself.
 */
@FunctionalInterface
public interface SignatureVerifier {
    /**
     * Verifies.
     *
     * @param received the package bytes exactly as fetched
     * @return the verdict
     * @throws IOException if the stream fails
     */
    SignatureCheck verify(InputStream received) throws IOException;
}
