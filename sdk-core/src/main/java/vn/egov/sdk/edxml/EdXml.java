package vn.egov.sdk.edxml;

import java.io.InputStream;
import java.io.OutputStream;
import vn.egov.sdk.edxml.internal.EdXmlReader;
import vn.egov.sdk.edxml.internal.EdXmlWriter;

/**
 * Reads and writes edXML packages (QCVN 102:2016), the stable entry points of the SDK.
 *
 * <pre>{@code
 * try (EdXmlPackage pkg = EdXml.read(in)) {
 *     if (pkg instanceof DocumentPackage doc) { ... }
 * }
 * EdXml.write(pkg, out);
 * }</pre>
 *
 * <p>The reader accepts what real senders emit (elements out of order, prefixed or unprefixed
 * {@code ContentTransferEncoded}, unknown extension elements, non-conforming organ ids, a {@code Signature} in the
 * edXML namespace) through the SDK's hardened XML parser, streaming attachments so memory stays bounded. The writer
 * emits what the national axis accepts: explicit {@code edXML:} prefixes, the element order of QCVN 102 as the
 * official library writes it, {@code yyyy/MM/dd} dates, UTF-8, attachments base64-encoded outside the envelope;
 * the same package always gives the same bytes.
 *
 * <p>Text values are read without their surrounding white space (senders pad and indent them), so a value that
 * begins or ends with spaces comes back trimmed; everything else a reader sees is written back.
 */
public final class EdXml {
    private EdXml() {
    }

    /**
     * Reads a package with the default options.
     *
     * @param in the package bytes; read to the end, not closed
     * @return the package read: a {@link DocumentPackage} or a {@link StatusPackage}
     * @throws EdXmlFormatException if the bytes are not an acceptable package
     */
    public static EdXmlPackage read(InputStream in) {
        return read(in, EdXmlReadOptions.defaults());
    }

    /**
     * Reads a package.
     *
     * @param in the package bytes; read to the end, not closed
     * @param options where attachments go, limits, strictness
     * @return the package read: a {@link DocumentPackage} or a {@link StatusPackage}
     * @throws EdXmlFormatException if the bytes are not an acceptable package
     */
    public static EdXmlPackage read(InputStream in, EdXmlReadOptions options) {
        return new EdXmlReader(options).read(in);
    }

    /**
     * Writes a package.
     *
     * @param pkg the package
     * @param out where the bytes go; not closed
     * @throws vn.egov.sdk.core.ValidationException if a text holds a character XML 1.0 does not allow, an extension
     *         cannot be written as XML, or an attachment's content is not readable (the error names the path;
     *         nothing is written then)
     * @throws vn.egov.sdk.core.EgovException (fault CALLER) if the output cannot be written or an attachment cannot
     *         be read
     */
    public static void write(EdXmlPackage pkg, OutputStream out) {
        new EdXmlWriter().write(pkg, out);
    }
}
