package vn.egov.sdk.signing.xml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.signing.SigningKey;

/**
 * edXML packages whose text a parser has to work on: raw CR and CRLF line ends, character references to line ends
 * and to base64 characters, predefined entities, CDATA sections, comments, processing instructions, child elements
 * and non-BMP characters inside attachment content, text shaped like the verifier's placeholders, runs long enough
 * to cross the StAX parser's 16 K character chunks. And the JDK's own XML-DSig over a DOM of the whole package
 * (the {@code DocumentBuilder} DOM), for comparing the SDK with.
 */
final class OddPackages {
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String ED = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** Text every generated package holds once, for the mutations of {@link #MUTATIONS}. */
    static final String ATTACHMENT_ANCHOR = "QUJDQUJD\nQUJE";
    static final String DESCRIPTION_ANCHOR = "Tệp đính\nkèm";
    static final String CONTENT_ANCHOR = "Đề nghị\nhoàn thành";
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /**
     * A change to an anchor's line break, and whether a conforming parser reads the same text afterwards (so the
     * package still matches its signature).
     */
    record Mutation(String name, String replacement, boolean sameText) {
    }

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("CRLF", "\r\n", true),
            new Mutation("CR", "\r", true),
            new Mutation("&#10;", "&#10;", true),
            new Mutation("&#xA;", "&#xA;", true),
            new Mutation("CDATA", "<![CDATA[\n]]>", true),
            new Mutation("comment", "\n<!-- added -->", true),
            new Mutation("&#13;", "&#13;", false),
            new Mutation("&#13;&#10;", "&#13;&#10;", false),
            new Mutation("CDATA with CR reference", "<![CDATA[\r\n]]>&#13;", false),
            new Mutation("processing instruction", "\n<?added?>", false),
            new Mutation("space", "\n ", false),
            new Mutation("none", "", false));

    private OddPackages() {
    }

    /** An unsigned package (as text) with odd text in the header, the manifest and the attachments. */
    static String unsigned(Random r) {
        String base = XmlDsigFixtures.text(XmlDsigFixtures.unsigned(3));
        String content = text(r, false) + CONTENT_ANCHOR + text(r, false);
        String manifestDescription = text(r, false);
        String attachmentDescription = text(r, false) + DESCRIPTION_ANCHOR;
        StringBuilder attachments = new StringBuilder();
        int count = 1 + r.nextInt(3);
        int anchorAt = r.nextInt(count);
        for (int i = 0; i < count; i++) {
            String cte = switch (r.nextInt(3)) {
                case 0 -> "<edXML:ContentTransferEncoded xmlns:edXML=\"" + ED + "\">";
                case 1 -> "<ContentTransferEncoded>"; // unprefixed, in the default (edXML) namespace
                default -> "<e:ContentTransferEncoded xmlns:e=\"" + ED + "\" e:note=\"x\">";
            };
            String end = cte.startsWith("<edXML") ? "</edXML:ContentTransferEncoded>"
                    : cte.startsWith("<e:") ? "</e:ContentTransferEncoded>" : "</ContentTransferEncoded>";
            String body = text(r, true) + (i == anchorAt ? ATTACHMENT_ANCHOR : "") + text(r, true);
            attachments.append(r.nextBoolean() ? "<Attachment>" : "<Attachment xml:lang=\"vi\">")
                    .append("<ContentId>cid:").append(i + 1).append("</ContentId>")
                    .append("<AttachmentName>a").append(i).append(".pdf</AttachmentName>")
                    .append("<Description>").append(i == 0 ? attachmentDescription : text(r, false))
                    .append("</Description><ContentType>application/pdf</ContentType>").append(cte).append(body)
                    .append(end).append("</Attachment>\n    ");
        }
        String out = base.replace("Đề nghị hoàn thành kết nối", content)
                .replace("<edXML:Description></edXML:Description>",
                        "<edXML:Description>" + manifestDescription + "</edXML:Description>");
        int start = out.indexOf("<Attachment>");
        int stop = out.indexOf("</AttachmentEncoded>");
        out = out.substring(0, start) + attachments + out.substring(stop);
        if (r.nextBoolean()) {
            // processing instructions and comments around the root: canonical XML writes the PIs
            out = out.replaceFirst("\\?>\n", "?>\n<?xml-stylesheet href=\"a.xsl\"?><!-- before -->\n")
                    + "\n<!-- after --><?after data?>\n";
        }
        return out;
    }

    /** Random odd text; {@code attachment} allows long base64 runs and child elements. */
    static String text(Random r, boolean attachment) {
        StringBuilder b = new StringBuilder();
        int pieces = 3 + r.nextInt(attachment ? 30 : 10);
        for (int i = 0; i < pieces; i++) {
            switch (r.nextInt(17)) {
                case 0, 1, 2 -> b.append(base64(r, attachment ? 1 + r.nextInt(r.nextBoolean() ? 40_000 : 200)
                        : 1 + r.nextInt(40)));
                case 3 -> b.append('\n');
                case 4 -> b.append("\r\n");
                case 5 -> b.append('\r');
                case 6 -> b.append(r.nextBoolean() ? "&#13;" : "&#xD;");
                case 7 -> b.append(r.nextBoolean() ? "&#10;" : "&#9;");
                case 8 -> b.append("&#").append((int) BASE64.charAt(r.nextInt(64))).append(';');
                case 9 -> b.append(List.of("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", ">", "'", "\"")
                        .get(r.nextInt(8)));
                case 10 -> b.append("<![CDATA[").append(List.of("QUJD\r\nQUJD", "<&>]]", "\r", "", "a]b")
                        .get(r.nextInt(5))).append("]]>");
                case 11 -> b.append("<!--").append(r.nextBoolean() ? " c " : "\r\n").append("-->");
                case 12 -> b.append("<?pi ").append(r.nextBoolean() ? "data" : "").append("?>");
                case 13 -> b.append(List.of("Việt Nam", "😀", "𝄞x", "中文", "\t", " ").get(r.nextInt(6)));
                case 14 -> b.append("EXCLUDED").append(hex(r, 32)).append(hex(r, 8)); // placeholder-shaped
                case 15 -> {
                    if (attachment) {
                        b.append(r.nextBoolean() ? "<x:i xmlns:x=\"urn:x\" a=\"&#13;\r\n\">QUJD</x:i>"
                                : "<y xmlns=\"\"><z xmlns=\"urn:z\" xml:space=\"preserve\"> </z></y>");
                    }
                }
                default -> {
                    if (attachment && r.nextInt(4) == 0) {
                        // non-BMP characters all along a long run: some straddle the parser's chunks
                        for (int k = 0; k < 40; k++) {
                            b.append(base64(r, 990 + r.nextInt(20))).append("😀");
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    private static String base64(Random r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = BASE64.charAt(r.nextInt(64));
        }
        return new String(c);
    }

    private static String hex(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    /**
     * Signs with the JDK's {@code javax.xml.crypto} over the {@code DocumentBuilder} DOM of the whole package, and
     * puts the signature into the original text right after {@code TraceHeaderList}, where the DOM had it: every
     * other byte of the package stays as it was (raw CRs, references, CDATA, comments).
     *
     * @param transforms the reference's transforms after enveloped-signature: a canonicalisation URI or none
     */
    static String jdkSigned(String unsigned, SigningKey key, X509Certificate ca, String c14n) throws Exception {
        Document d = SecureXml.parse(new ByteArrayInputStream(XmlDsigFixtures.bytes(unsigned)), "test");
        Element header = (Element) d.getElementsByTagNameNS(ED, "edXMLHeader").item(0);
        Node trace = d.getElementsByTagNameNS(ED, "TraceHeaderList").item(0);
        List<Transform> transforms = new ArrayList<>();
        transforms.add(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
        if (c14n != null) {
            transforms.add(FACTORY.newTransform(c14n, (TransformParameterSpec) null));
        }
        Reference ref = FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null), transforms,
                null, null);
        SignedInfo si = FACTORY.newSignedInfo(FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                List.of(ref));
        KeyInfoFactory kif = FACTORY.getKeyInfoFactory();
        XMLSignature signature = FACTORY.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newX509Data(
                List.of(key.certificate(), ca)))));
        signature.sign(new DOMSignContext(key.privateKey(), header, trace.getNextSibling()));
        Element sig = (Element) d.getElementsByTagNameNS(DS, "Signature").item(0);
        Transformer t = SecureXml.transformerFactory().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter w = new StringWriter();
        t.transform(new DOMSource(sig), new StreamResult(w));
        int at = unsigned.indexOf("</edXML:TraceHeaderList>") + "</edXML:TraceHeaderList>".length();
        return unsigned.substring(0, at) + w + unsigned.substring(at);
    }

    /** What the JDK's {@code javax.xml.crypto} says of a package, over the {@code DocumentBuilder} DOM of all of it. */
    record JdkResult(boolean valid, boolean referenceValid, byte[] calculatedDigest, byte[] declaredDigest) {
    }

    static JdkResult jdkVerify(byte[] signed, X509Certificate signer) throws Exception {
        Document d = SecureXml.parse(new ByteArrayInputStream(signed), "test");
        Element sig = (Element) d.getElementsByTagNameNS(DS, "Signature").item(0);
        DOMValidateContext c = new DOMValidateContext(KeySelector.singletonKeySelector(signer.getPublicKey()), sig);
        c.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        XMLSignature xs = FACTORY.unmarshalXMLSignature(c);
        boolean valid = xs.validate(c);
        Reference ref = (Reference) xs.getSignedInfo().getReferences().get(0);
        return new JdkResult(valid, ref.validate(c), ref.getCalculatedDigestValue(), ref.getDigestValue());
    }
}
