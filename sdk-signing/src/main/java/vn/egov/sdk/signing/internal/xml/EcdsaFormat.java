package vn.egov.sdk.signing.internal.xml;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import vn.egov.sdk.signing.SigningException;

/**
 * ECDSA signature values: sources return DER {@code SEQUENCE {r, s}}; XML-DSig (RFC 4051) carries {@code r || s},
 * each left-padded to the curve's byte length.
 */
public final class EcdsaFormat {
    private EcdsaFormat() {
    }

    /**
     * Converts a DER ECDSA signature to the XML-DSig form.
     *
     * @param der the DER signature a source returned
     * @param fieldBits the curve's field size in bits
     * @return {@code r || s}
     * @throws SigningException if the value is not a DER ECDSA signature for that curve
     */
    public static byte[] derToConcatenated(byte[] der, int fieldBits) {
        int n = (fieldBits + 7) / 8;
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() != 2) {
                throw new IllegalArgumentException("not two integers");
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            byte[] out = new byte[2 * n];
            put(r, out, 0, n);
            put(s, out, n, n);
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw SigningException.local("the ECDSA signature value is not a DER SEQUENCE {r, s} for a "
                    + fieldBits + "-bit curve", e);
        }
    }

    private static void put(BigInteger v, byte[] out, int off, int n) {
        byte[] b = v.toByteArray();
        int start = 0;
        while (start < b.length - 1 && b[start] == 0) {
            start++;
        }
        int len = b.length - start;
        if (len > n) {
            throw new IllegalArgumentException("integer too large for the curve");
        }
        System.arraycopy(b, start, out, off + n - len, len);
    }
}
