package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.EdXmlWriter;

/** Bad input is a ValidationException naming where, and nothing is written; a failing output is an EgovException. */
class EdXmlWriterValidationTest {

    private static FieldError refused(EdXmlPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValidationException e = assertThrows(ValidationException.class, () -> EdXml.write(pkg, out));
        assertEquals(0, out.size(), "nothing is written when the package is refused");
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }

    private static DocumentPackage withHeader(Function<MessageHeader.Builder, MessageHeader.Builder> change) {
        DocumentPackage base = EdXmlWriterTestData.newDocument();
        return new DocumentPackage(change.apply(base.header().toBuilder()).build(), base.trace(), Optional.empty(),
                null, base.manifest(), base.attachments(), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\uD800", "\uDC00", "\uFFFE",
            "\uFFFF"})
    void charactersXmlForbidsAreRefusedWithThePath(String bad) {
        FieldError e = refused(withHeader(b -> b.subject("Trích yếu " + bad + " văn bản")));
        assertEquals("MessageHeader.Subject", e.path());
        assertEquals("edxml.xml.char", e.code());
        assertTrue(e.message().contains(String.format("U+%04X", (int) bad.charAt(0))), e.message());
        assertTrue(e.message().contains("position 10"), e.message());
    }

    @Test
    void surrogatePairsAreFineButAHighSurrogateAtTheEndIsNot() {
        EdXml.write(withHeader(b -> b.subject("𠀀 😀")), OutputStream.nullOutputStream());
        assertEquals("MessageHeader.Content", refused(withHeader(b -> b.content("abc\uD83D"))).path());
        assertEquals("MessageHeader.Content", refused(withHeader(b -> b.content("\uD83D\uD83D\uDE00"))).path());
    }

    static Stream<Arguments> paths() {
        String c = "\u0002";
        DocumentPackage base = EdXmlWriterTestData.newDocument();
        Attachment a = base.attachments().get(0);
        Reference r = base.manifest().get(0);
        StaffInfo badStaff = StaffInfo.of("Văn thư", "Nguyễn" + c, "", "");
        return Stream.of(
                Arguments.of("MessageHeader.From.OrganName",
                        withHeader(b -> b.from(Organization.of("000.00.00.G22", c)))),
                Arguments.of("MessageHeader.To[3].Website", withHeader(b -> b.addTo(new Organization(
                        OrganId.of("000.00.00.H01"), "", "", "", "", "", "", c)))),
                Arguments.of("MessageHeader.ToPlaces.Place[3]", withHeader(b -> b.addToPlace(c))),
                Arguments.of("MessageHeader.OtherInfo.SphereOfPromulgation", withHeader(b -> b.otherInfo(
                        new OtherInfo(null, c, "", null, null, null, null, null)))),
                Arguments.of("MessageHeader.ResponseForTask.TaskCode[1]", withHeader(b -> b.addResponseForTask(c))),
                Arguments.of("MessageHeader.Routing.Hop", withHeader(b -> b.addExtension(new XmlElement("urn:x", "x",
                        "Routing", Map.of(), "", List.of(new XmlElement("urn:x", "x", "Hop", Map.of(), c,
                        List.of())))))),
                Arguments.of("TraceHeaderList.Bussiness.StaffInfo[1].Staff",
                        EdXmlPackages.newDocument(base.header(), badStaff, List.of(), EdXmlWriterTestData.CLOCK)),
                Arguments.of("TraceHeaderList@id", new DocumentPackage(base.header(), new TraceHeaderList(
                        base.trace().traceHeaders(), base.trace().business(), Map.of("id", c)), Optional.empty(),
                        null, base.manifest(), base.attachments(), List.of())),
                Arguments.of("Signature.SignatureValue", base.withSignature(new XmlElement(
                        EdXmlNames.XMLDSIG_NAMESPACE, "", "Signature", Map.of(), "", List.of(new XmlElement(
                        EdXmlNames.XMLDSIG_NAMESPACE, "", "SignatureValue", Map.of(), c, List.of()))))),
                Arguments.of("edXMLManifest.Reference[1].Description", new DocumentPackage(base.header(),
                        base.trace(), Optional.empty(), null, List.of(new Reference(r.contentId(), r.contentType(),
                        c, r.attachmentName(), Map.of())), base.attachments(), List.of())),
                Arguments.of("Attachments[1].AttachmentName", new DocumentPackage(base.header(),
                        base.trace(), Optional.empty(), null, base.manifest(), List.of(new Attachment(a.contentId(),
                        c, "", a.contentType(), a.content())), List.of())),
                Arguments.of("MessageHeader.Description", new StatusPackage(EdXmlWriterTestData.ngheAn(), null,
                        Optional.empty(), EdocStatus.ACCEPTED, c, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of())),
                Arguments.of("MessageHeader.StaffInfo.Mobile", new StatusPackage(EdXmlWriterTestData.ngheAn(), null,
                        Optional.of(StaffInfo.of("", "", "", c)), EdocStatus.ACCEPTED, "", Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void errorNamesTheElementOrAttribute(String path, EdXmlPackage pkg) {
        assertEquals(path, refused(pkg).path());
    }

    @Test
    void nullArgumentsAreNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new EdXmlWriter().write(null, new ByteArrayOutputStream()));
        assertEquals("pkg", e.errors().get(0).path());
        e = assertThrows(ValidationException.class,
                () -> new EdXmlWriter().write(EdXmlWriterTestData.newDocument(), null));
        assertEquals("out", e.errors().get(0).path());
    }

    @Test
    void nullAttributeValueIsRefused() {
        Map<String, String> attrs = new java.util.HashMap<>();
        attrs.put("Algorithm", null);
        DocumentPackage pkg = EdXmlWriterTestData.newDocument().withSignature(
                new XmlElement(EdXmlNames.XMLDSIG_NAMESPACE, "", "Signature", attrs, "", List.of()));
        assertEquals("Signature@Algorithm", refused(pkg).path());
    }

    @Test
    void failingOutputIsAnEgovExceptionOfTheCaller() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };
        EgovException e = assertThrows(EgovException.class,
                () -> EdXml.write(EdXmlWriterTestData.newDocument(), broken));
        assertEquals(EgovException.class, e.getClass());
        assertEquals(Fault.CALLER, e.fault());
        assertTrue(e.getCause() instanceof IOException);
        assertTrue(e.getMessage().contains("connection reset"));
    }
}
