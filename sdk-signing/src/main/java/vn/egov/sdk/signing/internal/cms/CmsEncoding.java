package vn.egov.sdk.signing.internal.cms;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import vn.egov.sdk.core.Causes;

/**
 * The SDK's encoding rule for a CMS {@code SignedData} (a signature, or an RFC 3161 timestamp token wherever it
 * appears), checked on the bytes as received, before Bouncy Castle reads them. Bouncy Castle re-encodes what it
 * reads (signed attributes in DER before verifying the signature over them, certificates before converting them),
 * so an encoding it tolerates would verify while the bytes differ from what was signed: the signature would be
 * malleable. The rule:
 *
 * <ul>
 *   <li>Every length is in DER form: definite lengths in the shortest form (short form below 128, long form
 *       without leading zero octets), at most 4 length octets; tags in their shortest form; one
 *       {@code ContentInfo} and nothing after it.
 *   <li>BER is accepted only where a streaming encoder needs it and nothing is signed: the indefinite-length form
 *       on the outer containers ({@code ContentInfo}, its {@code [0]}, {@code SignedData}, its
 *       {@code digestAlgorithms}, {@code encapContentInfo} and its {@code [0]}, the {@code certificates} and
 *       {@code crls} sets, the {@code signerInfos} set) and a constructed {@code eContent} OCTET STRING (of
 *       primitive chunks). What {@code openssl cms -stream} and Bouncy Castle's streaming generator write. Each
 *       accepted form is listed in {@link Result#berForms()}.
 *   <li>DER exactly (the DER re-encoding gives the same bytes) for: each {@code SignerInfo}'s fields but its
 *       unsigned attributes (version, signer identifier, digest algorithm, <em>signed attributes</em>: RFC 5652
 *       §5.3 requires them DER because they are what is signed, signature algorithm, signature value), each
 *       digest algorithm identifier, each certificate (X.509 is DER) and each CRL or other revocation entry.
 *   <li>Unsigned attributes use definite lengths; a signature timestamp token among them is a CMS and follows this
 *       rule itself.
 * </ul>
 */
public final class CmsEncoding extends DerWalker {
    private static final byte[] SIGNED_DATA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07,
        0x02};
    private static final byte[] TIMESTAMP_TOKEN = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x09,
        0x10, 0x02, 0x0e};
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int INTEGER = 0x02;
    private static final int OID = 0x06;
    private static final int OCTET_STRING = 0x04;
    private static final int CONSTRUCTED_OCTET_STRING = 0x24;
    private static final int CONTEXT_0 = 0xa0;
    private static final int CONTEXT_1 = 0xa1;
    private static final int CONTEXT_0_PRIMITIVE = 0x80;

    /**
     * What the check found.
     *
     * @param problem why the encoding is refused ("not DER: …", naming the part and the offset), or empty
     * @param berForms the BER forms accepted where the rule allows them (part and offset), empty for DER input
     */
    public record Result(Optional<String> problem, List<String> berForms) {
        /** Copies the list. */
        public Result {
            berForms = List.copyOf(berForms);
        }

        /** The warning a report carries when BER forms were accepted, or empty. */
        public Optional<String> warning() {
            if (berForms.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("the CMS uses BER outside what is signed (" + String.join(", ", berForms)
                    + "); accepted there, as streaming encoders write it: the signed attributes and certificates "
                    + "are DER");
        }
    }


    private CmsEncoding(byte[] b) {
        super(b);
    }

    /**
     * Checks a whole input that must be one {@code ContentInfo} holding a {@code SignedData}.
     *
     * @param cms the bytes as received
     * @return the problem, if any, and the accepted BER forms
     */
    public static Result check(byte[] cms) {
        CmsEncoding c = new CmsEncoding(cms);
        try {
            int end = c.contentInfo(0, cms.length, "", 0);
            if (end != cms.length) {
                throw c.notDer(end, "the CMS", (cms.length - end) + " bytes follow the end of the ContentInfo");
            }
            return new Result(Optional.empty(), c.ber);
        } catch (NotDer e) {
            return new Result(Optional.of(Causes.describe(e)), c.ber);
        }
    }

    /**
     * The length of the one element (tag, length, contents) at the start of {@code data}, read leniently (any BER
     * length form), so that what follows it can be told apart; -1 when no complete element starts there.
     */
    public static int elementLength(byte[] data) {
        try {
            CmsEncoding c = new CmsEncoding(data);
            return c.skip(c.header(0, data.length, "the data", true), data.length, "the data", 0, true);
        } catch (NotDer e) {
            return -1;
        }
    }

    /**
     * The timestamp token inside an RFC 3161 {@code TimeStampResp} (the bytes exactly as sent), after checking
     * the response's own lengths: DER form (an indefinite-length outer SEQUENCE is accepted), nothing after it.
     *
     * @return the token's bytes, or empty when the response carries none
     * @throws IllegalArgumentException with the reason when the response is not so encoded
     */
    public static Optional<byte[]> timestampTokenOf(byte[] response) {
        CmsEncoding c = new CmsEncoding(response);
        try {
            String part = "the timestamp response";
            Header resp = c.expect(c.header(0, response.length, part, false), SEQUENCE, part, "a SEQUENCE");
            Cursor children = c.new Cursor(resp, response.length, part);
            Header status = c.expect(children.next(), SEQUENCE, part, "the PKIStatusInfo");
            children.advance(c.skip(status, children.limit(), part, 1, false));
            Header token = children.next();
            Optional<byte[]> found = Optional.empty();
            if (token != null) {
                int end = c.skip(token, children.limit(), part, 1, true);
                found = Optional.of(Arrays.copyOfRange(response, token.offset(), end));
                children.advance(end);
                if (children.next() != null) {
                    throw c.malformed(children.pos, part, "an element follows the timestamp token");
                }
            }
            if (children.end != response.length) {
                throw c.notDer(children.end, part, (response.length - children.end) + " bytes follow its end");
            }
            return found;
        } catch (NotDer e) {
            throw new IllegalArgumentException(Causes.describe(e), e);
        }
    }

    // ---- the CMS structure (RFC 5652) ----

    /**
     * ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }; returns its end.
     *
     * @param in names the CMS in messages: empty for the outermost, else ending in ": "
     */
    private int contentInfo(int pos, int limit, String in, int depth) throws NotDer {
        String part = in + "the ContentInfo";
        Header ci = expect(header(pos, limit, part, false), SEQUENCE, part, "a ContentInfo SEQUENCE");
        container(ci, in, "ContentInfo");
        Cursor c = new Cursor(ci, limit, part);
        Header type = expect(c.next(), OID, part, "the content type");
        if (!type.contentEquals(b, SIGNED_DATA)) {
            throw malformed(type.offset(), part, "the content type is not id-signedData");
        }
        c.advance(skip(type, c.limit(), part, depth + 1, false));
        Header explicit = expect(c.next(), CONTEXT_0, part, "the [0] content");
        container(explicit, in, "ContentInfo [0]");
        Cursor inner = new Cursor(explicit, c.limit(), part);
        Header sd = expect(inner.next(), SEQUENCE, part, "the SignedData SEQUENCE");
        inner.advance(signedData(sd, inner.limit(), in, depth + 2));
        requireEnd(inner, part, "the [0] content");
        c.advance(inner.end);
        requireEnd(c, part, "the ContentInfo");
        return c.end;
    }

    private int signedData(Header sd, int limit, String in, int depth) throws NotDer {
        String part = in + "the SignedData";
        container(sd, in, "SignedData");
        Cursor c = new Cursor(sd, limit, part);
        Header version = expect(c.next(), INTEGER, part, "the version");
        c.advance(derExact(version, c.limit(), part + " version", depth));
        Header digests = expect(c.next(), SET, part, "the digestAlgorithms SET");
        container(digests, in, "digestAlgorithms");
        Cursor d = new Cursor(digests, c.limit(), part);
        int n = 0;
        for (Header alg = d.next(); alg != null; alg = d.next()) {
            n++;
            d.advance(derExact(alg, d.limit(), in + "digest algorithm " + n, depth + 1));
        }
        c.advance(d.end);
        Header encap = expect(c.next(), SEQUENCE, part, "the encapContentInfo SEQUENCE");
        c.advance(encapContentInfo(encap, c.limit(), in, depth + 1));
        Header next = c.next();
        if (next != null && next.tag() == CONTEXT_0) {
            c.advance(certificatesOrCrls(next, c.limit(), in, "certificate ", "certificates", depth + 1));
            next = c.next();
        }
        if (next != null && next.tag() == CONTEXT_1) {
            c.advance(certificatesOrCrls(next, c.limit(), in, "CRL ", "crls", depth + 1));
            next = c.next();
        }
        Header signers = expect(next, SET, part, "the signerInfos SET");
        container(signers, in, "signerInfos");
        Cursor s = new Cursor(signers, c.limit(), part);
        n = 0;
        for (Header si = s.next(); si != null; si = s.next()) {
            n++;
            s.advance(signerInfo(si, s.limit(), in, "signer " + n, depth + 1));
        }
        c.advance(s.end);
        requireEnd(c, part, "the SignedData");
        return c.end;
    }

    private int encapContentInfo(Header encap, int limit, String in, int depth) throws NotDer {
        String part = in + "the encapsulated content";
        container(encap, in, "encapContentInfo");
        Cursor c = new Cursor(encap, limit, part);
        Header type = expect(c.next(), OID, part, "the content type");
        c.advance(skip(type, c.limit(), part, depth + 1, false));
        Header explicit = c.next();
        if (explicit != null) {
            expect(explicit, CONTEXT_0, part, "the [0] eContent");
            container(explicit, in, "eContent [0]");
            Cursor e = new Cursor(explicit, c.limit(), part);
            Header octets = e.next();
            if (octets == null || (octets.tag() != OCTET_STRING && octets.tag() != CONSTRUCTED_OCTET_STRING)) {
                throw malformed(octets == null ? explicit.offset() : octets.offset(), part,
                        "the eContent is not an OCTET STRING");
            }
            if (octets.tag() == CONSTRUCTED_OCTET_STRING) {
                ber.add(in + "constructed OCTET STRING at offset " + octets.offset() + " (eContent)");
                container(octets, in, "eContent");
                Cursor chunks = new Cursor(octets, e.limit(), part);
                for (Header chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                    expect(chunk, OCTET_STRING, part, "a primitive OCTET STRING chunk");
                    chunks.advance(skip(chunk, chunks.limit(), part, depth + 3, false));
                }
                e.advance(chunks.end);
            } else {
                e.advance(skip(octets, e.limit(), part, depth + 2, false));
            }
            requireEnd(e, part, "the [0] eContent");
            c.advance(e.end);
        }
        requireEnd(c, part, "the encapContentInfo");
        return c.end;
    }

    private int certificatesOrCrls(Header set, int limit, String in, String item, String name, int depth)
            throws NotDer {
        container(set, in, name);
        Cursor c = new Cursor(set, limit, in + "the " + name);
        int n = 0;
        for (Header h = c.next(); h != null; h = c.next()) {
            n++;
            c.advance(derExact(h, c.limit(), in + item + n, depth + 1));
        }
        return c.end;
    }

    /**
     * SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, signedAttrs [0] IMPLICIT OPTIONAL,
     * signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] IMPLICIT OPTIONAL }.
     */
    private int signerInfo(Header si, int limit, String in, String signer, int depth) throws NotDer {
        String part = in + signer;
        expect(si, SEQUENCE, part, "a SignerInfo SEQUENCE");
        requireDefinite(si, part, "the SignerInfo");
        Cursor c = new Cursor(si, limit, part);
        Header version = expect(c.next(), INTEGER, part, "the version");
        c.advance(derExact(version, c.limit(), part + "'s version", depth));
        Header sid = c.next();
        if (sid == null || (sid.tag() != SEQUENCE && sid.tag() != CONTEXT_0_PRIMITIVE)) {
            throw malformed(sid == null ? si.offset() : sid.offset(), part,
                    "the signer identifier is neither an IssuerAndSerialNumber nor a primitive [0] key identifier");
        }
        c.advance(derExact(sid, c.limit(), part + "'s signer identifier", depth + 1));
        Header digest = expect(c.next(), SEQUENCE, part, "the digest algorithm");
        c.advance(derExact(digest, c.limit(), part + "'s digest algorithm", depth + 1));
        Header next = c.next();
        if (next != null && next.tag() == CONTEXT_0) {
            c.advance(derExactSet(next, c.limit(), part + "'s signed attributes", depth + 1));
            next = c.next();
        }
        expect(next, SEQUENCE, part, "the signature algorithm");
        c.advance(derExact(next, c.limit(), part + "'s signature algorithm", depth + 1));
        Header value = c.next();
        if (value != null && value.tag() == CONSTRUCTED_OCTET_STRING) {
            throw notDer(value.offset(), part, "the signature value is a constructed OCTET STRING");
        }
        if (value == null || value.tag() != OCTET_STRING) {
            throw malformed(value == null ? si.offset() : value.offset(), part,
                    "the signature value is not an OCTET STRING");
        }
        c.advance(skip(value, c.limit(), part + "'s signature value", depth + 1, false));
        next = c.next();
        if (next != null && next.tag() == CONTEXT_1) {
            c.advance(unsignedAttributes(next, c.limit(), in, signer, depth + 1));
            next = c.next();
        }
        if (next != null) {
            throw malformed(next.offset(), part, "an unexpected element follows the SignerInfo's fields");
        }
        return c.end;
    }

    private int unsignedAttributes(Header attrs, int limit, String in, String signer, int depth) throws NotDer {
        String part = in + signer + "'s unsigned attributes";
        requireDefinite(attrs, part, "the unsigned attributes");
        Cursor c = new Cursor(attrs, limit, part);
        for (Header attr = c.next(); attr != null; attr = c.next()) {
            expect(attr, SEQUENCE, part, "an Attribute SEQUENCE");
            requireDefinite(attr, part, "an Attribute");
            Cursor a = new Cursor(attr, c.limit(), part);
            Header type = expect(a.next(), OID, part, "the attribute type");
            boolean timestamp = type.contentEquals(b, TIMESTAMP_TOKEN);
            a.advance(skip(type, a.limit(), part, depth + 2, false));
            Header values = expect(a.next(), SET, part, "the attribute values SET");
            requireDefinite(values, part, "the attribute values");
            Cursor v = new Cursor(values, a.limit(), part);
            for (Header value = v.next(); value != null; value = v.next()) {
                v.advance(timestamp
                        ? contentInfo(value.offset(), v.limit(), in + signer
                                + "'s signature timestamp token (at offset " + value.offset() + "): ", depth + 3)
                        : skip(value, v.limit(), part, depth + 3, false));
            }
            a.advance(v.end);
            requireEnd(a, part, "an Attribute");
            c.advance(a.end);
        }
        return c.end;
    }

    // ---- DER checks ----

    /** The element is DER: its lengths are (checked by walking it), and re-encoding it in DER gives its bytes. */
    private int derExact(Header h, int limit, String part, int depth) throws NotDer {
        int end = skip(h, limit, part, depth, false);
        compareWithDer(h.offset(), end, -1, part);
        return end;
    }

    /** An IMPLICIT [0] SET OF (the signed attributes): DER as the SET it stands for, so its order counts. */
    private int derExactSet(Header h, int limit, String part, int depth) throws NotDer {
        int end = skip(h, limit, part, depth, false);
        compareWithDer(h.offset(), end, SET, part);
        return end;
    }

    private void compareWithDer(int from, int to, int asTag, String part) throws NotDer {
        byte[] raw = Arrays.copyOfRange(b, from, to);
        if (asTag >= 0) {
            raw[0] = (byte) asTag;
        }
        byte[] der;
        try {
            der = ASN1Primitive.fromByteArray(raw).getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw malformed(from, part, "it cannot be read (" + Causes.describe(e) + ")");
        }
        int i = Arrays.mismatch(raw, der);
        if (i >= 0) {
            throw notDer(from + Math.min(i, raw.length), part, "its DER encoding differs from the bytes given "
                    + "(elements of a SET out of DER order, a BOOLEAN other than 00 or FF, a constructed string, "
                    + "unused bits set, or a value in a non-canonical form)");
        }
    }
}
