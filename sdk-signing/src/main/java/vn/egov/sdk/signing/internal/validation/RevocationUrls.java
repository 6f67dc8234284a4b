package vn.egov.sdk.signing.internal.validation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The OCSP (AIA) and CRL (CDP) addresses a certificate carries; only http and https ones, malformed ones skipped. */
public final class RevocationUrls {
    private RevocationUrls() {
    }

    /** The OCSP responder addresses from the Authority Information Access extension. */
    public static List<URI> ocsp(X509Certificate certificate) {
        List<URI> out = new ArrayList<>();
        try {
            byte[] ext = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
            if (ext == null) {
                return out;
            }
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets()));
            for (AccessDescription d : aia.getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())) {
                    uri(d.getAccessLocation(), out);
                }
            }
        } catch (Exception e) {
            return List.of();
        }
        return List.copyOf(out);
    }

    /** The CRL addresses from the CRL Distribution Points extension. */
    public static List<URI> crl(X509Certificate certificate) {
        List<URI> out = new ArrayList<>();
        try {
            byte[] ext = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
            if (ext == null) {
                return out;
            }
            CRLDistPoint points = CRLDistPoint.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets()));
            for (DistributionPoint p : points.getDistributionPoints()) {
                DistributionPointName name = p.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                        uri(g, out);
                    }
                }
            }
        } catch (Exception e) {
            return List.of();
        }
        return List.copyOf(out);
    }

    private static void uri(GeneralName name, List<URI> out) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        try {
            URI u = URI.create(name.getName().toString());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                out.add(u);
            }
        } catch (IllegalArgumentException malformed) {
            // skipped: an address that does not parse cannot be fetched
        }
    }
}
