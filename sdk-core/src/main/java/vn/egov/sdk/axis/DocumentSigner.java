package vn.egov.sdk.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Signs a package before it is sent (SPI; {@code sdk-signing} implements XML-DSig for edXML). The axis client calls
 * it with the package as written and sends what it produces.
 */
@FunctionalInterface
public interface DocumentSigner {
    /**
     * Signs.
     *
     * @param unsigned the package bytes as written by {@code EdXml.write}
     * @param signed where the signed package goes
     * @throws IOException if a stream fails
     */
    void sign(InputStream unsigned, OutputStream signed) throws IOException;
}
