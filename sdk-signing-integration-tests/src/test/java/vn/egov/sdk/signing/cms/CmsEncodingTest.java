package vn.egov.sdk.signing.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.signing.DerTree;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.timestamp.TimestampToken;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * A CMS signature whose encoding was changed without changing what it decodes to is not the signature that was
 * made: every length of a CAdES-T signature the SDK made, written in each other form of the same length, must not
 * verify, and the report must say "not DER", which part and where; only the BER forms the SDK accepts (indefinite
 * lengths on the outer containers) verify, and then the report says so. The same for a timestamp token alone.
 */
class CmsEncodingTest extends CmsSandboxTest {
    private static final byte[] CONTENT = "Công văn số 12/UBND-VP về việc nâng cấp trục"
            .getBytes(StandardCharsets.UTF_8);
    private static final String TIMESTAMP_TOKEN_OID = "2a864886f70d010910020e";

    private static byte[] cadesT;

    @BeforeAll
    static void sign() {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        cadesT = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).timestamps(tsa).build()
                .sign(CONTENT, CmsPackaging.ENVELOPING);
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    private static void assertNotDer(ValidationReport r, int offset, String what) {
        assertFalse(r.isValid(), what + ": " + r);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), what + ": " + r);
        assertTrue(r.reason().contains("not DER") && r.reason().contains("at offset " + offset + ":"),
                what + ": the report names the rule and the place: " + r.reason());
    }

    @Test
    void everyLengthWrittenInAnotherFormIsRefusedUnlessItIsAnAcceptedBerContainer() {
        assertTrue(only(verifier.verify(cadesT)).isValid(), "the genuine signature");
        DerTree tree = DerTree.parse(cadesT);
        Set<DerTree> berContainers = containers(tree);
        List<DerTree> elements = new ArrayList<>();
        tree.forEach(elements::add);
        int refused = 0;
        int acceptedBer = 0;
        for (DerTree e : elements) {
            for (DerTree.Form form : DerTree.Form.values()) {
                if (form == DerTree.Form.SHORTEST || (form == DerTree.Form.INDEFINITE && !e.constructed())) {
                    continue;
                }
                e.form(form);
                byte[] mutated = tree.encode();
                e.form(DerTree.Form.SHORTEST);
                String what = form + " length for " + e + " (written at " + e.writtenAt() + ")";
                ValidationReport r = only(verifier.verify(mutated));
                if (form == DerTree.Form.INDEFINITE && berContainers.contains(e)) {
                    assertTrue(r.isValid(), what + ": an accepted BER form: " + r);
                    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("BER")
                            && w.contains("indefinite length at offset " + e.writtenAt() + " (")),
                            what + ": the report says so: " + r.warnings());
                    acceptedBer++;
                } else {
                    assertNotDer(r, e.writtenAt(), what);
                    refused++;
                }
            }
        }
        assertEquals(berContainers.size(), acceptedBer);
        assertTrue(refused > 2 * elements.size(), refused + " refused of " + elements.size() + " elements");
        assertTrue(berContainers.size() >= 14, "the signature's and its timestamp token's containers: "
                + berContainers);
    }

    @Test
    void bytesAfterTheSignatureAreRefused() throws Exception {
        for (byte[] tail : List.of(new byte[] {0}, new byte[] {0, 0}, "rác".getBytes(StandardCharsets.UTF_8))) {
            byte[] longer = concat(cadesT, tail);
            ValidationReport r = only(verifier.verify(longer));
            assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r.toString());
        }
        // after an indefinite-length signature, where the outer length does not say where it ends
        byte[] ber = berStreamed(CONTENT);
        assertTrue(only(verifier.verify(ber)).isValid());
        ValidationReport r = only(verifier.verify(concat(ber, new byte[] {0x30, 0})));
        assertNotDer(r, ber.length, "an element after a BER signature");
        assertTrue(r.reason().contains("bytes follow"), r.reason());
    }

    @Test
    void signedAttributesOutOfDerOrderAreRefusedThoughBouncyCastleWouldSortThem() {
        DerTree tree = DerTree.parse(cadesT);
        DerTree signedAttributes = firstSigner(tree).children().stream().filter(c -> c.tag() == 0xa0).findFirst()
                .orElseThrow();
        byte[] der = tree.encode();
        List<DerTree> attributes = signedAttributes.children();
        assertTrue(attributes.size() >= 3);
        Collections.swap(attributes, 0, attributes.size() - 1);
        byte[] swapped = tree.encode();
        Collections.swap(attributes, 0, attributes.size() - 1);
        assertEquals(der.length, swapped.length);

        ValidationReport r = only(verifier.verify(swapped));

        assertNotDer(r, Arrays.mismatch(der, swapped), "signed attributes out of DER order");
        assertTrue(r.reason().contains("signer 1's signed attributes"), r.reason());
    }

    @Test
    void aCertificateWithANonDerBooleanIsRefused() throws Exception {
        byte[] cert = pki.signer(TestPki.Kind.GOOD).certificate().getEncoded();
        int at = CmsForgery.indexOf(cadesT, cert);
        int flag = -1;
        for (int i = at; i < at + cert.length - 2; i++) {
            if (cadesT[i] == 0x01 && cadesT[i + 1] == 0x01 && cadesT[i + 2] == (byte) 0xff) {
                flag = i + 2; // an extension's critical flag
                break;
            }
        }
        assertTrue(flag > 0, "the certificate has a critical extension");
        byte[] changed = cadesT.clone();
        changed[flag] = 0x01; // still TRUE to a lenient reader

        ValidationReport r = only(verifier.verify(changed));

        assertNotDer(r, flag, "a BOOLEAN TRUE written 01");
        assertTrue(r.reason().contains("certificate "), r.reason());
    }

    @Test
    void berStreamingOutputVerifiesAndTheReportSaysItIsBer() throws Exception {
        ValidationReport r = only(verifier.verify(berStreamed(CONTENT)));

        assertTrue(r.isValid(), r.toString());
        String warning = r.warnings().stream().filter(w -> w.contains("BER")).findFirst().orElseThrow();
        assertTrue(warning.contains("indefinite length at offset 0 (ContentInfo)")
                && warning.contains("constructed OCTET STRING"), warning);
    }

    @Test
    void aTimestampTokenAloneIsHeldToTheSameRule() {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        byte[] token = tsa.timestamp(CONTENT).der();
        DerTree tree = DerTree.parse(token);
        Set<DerTree> berContainers = containers(tree);
        List<DerTree> elements = new ArrayList<>();
        tree.forEach(elements::add);
        for (DerTree e : elements) {
            for (DerTree.Form form : List.of(DerTree.Form.ONE_OCTET_MORE, DerTree.Form.INDEFINITE)) {
                if (form == DerTree.Form.INDEFINITE && !e.constructed()) {
                    continue;
                }
                e.form(form);
                byte[] mutated = tree.encode();
                e.form(DerTree.Form.SHORTEST);
                if (form == DerTree.Form.INDEFINITE && berContainers.contains(e)) {
                    assertTrue(TimestampToken.verify(mutated).covers(CONTENT), e.toString());
                    continue;
                }
                VerificationException x = assertThrows(VerificationException.class,
                        () -> TimestampToken.verify(mutated), form + " " + e);
                assertTrue(x.getMessage().contains("not DER") && x.getMessage().contains("at offset "
                        + e.writtenAt() + ":"), x.getMessage());
            }
        }
        assertThrows(VerificationException.class, () -> TimestampToken.verify(concat(token, new byte[] {0, 0})));
    }

    /** The outer containers of a CMS (and of the timestamp tokens inside it), where indefinite lengths are fine. */
    static Set<DerTree> containers(DerTree contentInfo) {
        Set<DerTree> out = Collections.newSetFromMap(new IdentityHashMap<>());
        DerTree explicit = contentInfo.at(1);
        DerTree signedData = explicit.at(0);
        out.addAll(List.of(contentInfo, explicit, signedData, signedData.at(1), signedData.at(2)));
        DerTree encap = signedData.at(2);
        if (encap.children().size() > 1) {
            out.add(encap.at(1));
            if (encap.at(1).at(0).constructed()) {
                out.add(encap.at(1).at(0));
            }
        }
        List<DerTree> fields = signedData.children();
        for (int i = 3; i < fields.size() - 1; i++) {
            out.add(fields.get(i)); // certificates [0], crls [1]
        }
        DerTree signerInfos = fields.get(fields.size() - 1);
        out.add(signerInfos);
        for (DerTree signer : signerInfos.children()) {
            DerTree last = signer.children().get(signer.children().size() - 1);
            if (last.tag() != 0xa1) {
                continue;
            }
            for (DerTree attribute : last.children()) {
                if (hex(attribute.at(0)).equals(TIMESTAMP_TOKEN_OID)) {
                    attribute.at(1).children().forEach(token -> out.addAll(containers(token)));
                }
            }
        }
        return out;
    }

    private static DerTree firstSigner(DerTree contentInfo) {
        List<DerTree> fields = contentInfo.at(1, 0).children();
        return fields.get(fields.size() - 1).at(0);
    }

    private static String hex(DerTree primitive) {
        byte[] b = primitive.encode();
        return java.util.HexFormat.of().formatHex(Arrays.copyOfRange(b, 2, b.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
