package vn.egov.sdk.signing.internal.pdf;

import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import vn.egov.sdk.signing.pdf.VisibleStamp;

/** The signer's name as a PDF signature shows it, and the text lines of a visible stamp. */
public final class StampText {
    private StampText() {
    }

    /**
     * The signer's common name, or the whole subject name when it has none.
     *
     * @param signer the signer certificate
     * @return the name for the signature dictionary's {@code /Name} and the stamp
     */
    public static String signerName(X509Certificate signer) {
        return rdn(signer, "CN").orElse(signer.getSubjectX500Principal().getName());
    }

    /**
     * The lines a stamp shows: none for an image-only stamp, the stamp's own lines when it has some, else the
     * signer (ký bởi), the organisation (cơ quan) when the certificate names one, and the signing time.
     *
     * @param s the stamp
     * @param signer the signer certificate
     * @param now the signing time
     * @return the lines
     */
    public static List<String> lines(VisibleStamp s, X509Certificate signer, ZonedDateTime now) {
        if (s.imageOnly()) {
            return List.of();
        }
        if (!s.lines().isEmpty()) {
            return s.lines();
        }
        List<String> out = new ArrayList<>();
        out.add("Ký bởi: " + signerName(signer));
        rdn(signer, "O").ifPresent(o -> out.add("Cơ quan: " + o));
        out.add("Thời gian ký: " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now));
        return out;
    }

    /** The last value of an attribute of the certificate's subject name. */
    private static Optional<String> rdn(X509Certificate cert, String type) {
        try {
            List<Rdn> rdns = new LdapName(cert.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase(type)) {
                    return Optional.of(rdns.get(i).getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // fall through
        }
        return Optional.empty();
    }
}
