package vn.egov.sdk.signing.internal.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the certificates of a certificate file: DER, PEM (one or several), or PKCS#7 ({@code .p7b}, DER or PEM),
 * as CAs publish them. Bounded: a file larger than the limit is refused without being read whole.
 */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /**
     * Reads up to {@code maxBytes} bytes; {@link Optional#empty()} when the stream holds more.
     *
     * @throws IOException when reading fails
     */
    public static Optional<byte[]> readBounded(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
    }

    /**
     * The certificates in a file's bytes; empty when the bytes hold no certificate in a known format.
     */
    public static List<X509Certificate> parse(byte[] bytes) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(bytes))) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
        } catch (CertificateException | RuntimeException e) {
            // not a certificate file: the caller reports that no certificate was found
            return List.of();
        }
        return List.copyOf(out);
    }
}
