package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.cos.COSUpdateInfo;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * What a later revision may change on a signed PDF. The attacks are built as an attacker would: on a document
 * signed by {@link PdfSigner} (or certified with DocMDP), an incremental update written with PDFBox or, where PDFBox
 * cannot express it (a freed object, an entry pointing back into the signed bytes, an object filling a reference
 * the signed file left dangling), appended as raw bytes. Shadow attacks (Mainka, Mladenov, Rohlmann, Schwenk, NDSS
 * 2021): hide, replace, hide-and-replace; certification attacks (2021): Evil Annotation, Sneaky Signature; and the
 * reported overlay: an unsigned signature field painting over the page. Then the changes that must stay allowed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PdfShadowAttackTest extends PdfSandboxTest {
    private static final String FORGED = "Pay 9,000,000 VND to account 666";
    private static final String SHOWN = "Pay 100 VND to account 123";

    // ---- the reported overlay

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void anUnsignedSignatureFieldPaintingOverThePageMakesTheSignatureInvalid(boolean compressed) throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("in.pdf"), 1, compressed), "signed");
        Path attacked = update(pdf, "overlay", doc -> {
            PDPage page = doc.getPage(0);
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("Approval");
            PDAnnotationWidget w = field.getWidgets().get(0);
            w.setRectangle(new PDRectangle(60, 740, 480, 40));
            w.setPage(page);
            w.setAppearance(appearance(doc, w.getRectangle(), FORGED));
            form.getFields().add(field);
            page.getAnnotations().add(w);
            mark(doc.getDocumentCatalog().getCOSObject(), form.getCOSObject(), page.getCOSObject());
        });
        try (PDDocument doc = Loader.loadPDF(attacked.toFile())) {
            assertEquals(2, doc.getPage(0).getAnnotations().size(), "the overlay is on the page");
        }
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "unsigned signature field 'Approval'", "page 1", "visible appearance");

        // hidden/NoView flags do not make it acceptable: NoView still prints, and flags can be flipped later
        Path flagged = update(pdf, "overlay-flagged", doc -> {
            addApproval(doc, null);
            PDAnnotationWidget w = ((PDSignatureField) doc.getDocumentCatalog().getAcroForm(null)
                    .getField("Approval")).getWidgets().get(0);
            w.setNoView(true);
            w.setPrinted(true);
        });
        assertModified(verifier.verify(flagged).get(0), "unsigned signature field 'Approval'", "visible appearance");

        // one field, two widgets: an invisible one listed first does not vouch for a visible second one
        Path twoWidgets = update(pdf, "overlay-two-widgets", doc -> {
            PDPage page = doc.getPage(0);
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("Approval");
            PDAnnotationWidget hidden = new PDAnnotationWidget();
            hidden.setRectangle(new PDRectangle(0, 0, 0, 0));
            PDAnnotationWidget shown = new PDAnnotationWidget();
            shown.setRectangle(new PDRectangle(60, 740, 480, 40));
            shown.setAppearance(appearance(doc, shown.getRectangle(), FORGED));
            for (PDAnnotationWidget w : List.of(hidden, shown)) {
                w.setParent(field);
                w.setPage(page);
                page.getAnnotations().add(w);
            }
            field.setWidgets(List.of(hidden, shown));
            form.getFields().add(field);
            mark(doc.getDocumentCatalog().getCOSObject(), form.getCOSObject(), page.getCOSObject());
        });
        assertModified(verifier.verify(twoWidgets).get(0), "unsigned signature field 'Approval'",
                "visible appearance");
    }

    @Test
    void aChangeAfterALaterSignatureIsNamedWithItsRevisionForTheEarlierSignature() throws Exception {
        Path first = signed(PdfFixtures.document(dir.resolve("two-in.pdf"), 1), "two-1");
        Path second = dir.resolve("two-2.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).build()) {
            s.sign(first, second);
        }
        Path attacked = update(second, "two-attacked", doc -> addApproval(doc, null));
        List<ValidationReport> reports = verifier.verify(attacked);
        assertEquals(2, reports.size());
        assertModified(reports.get(0), "revision 2 after this signature: an unsigned signature field 'Approval'");
        assertModified(reports.get(1), "an unsigned signature field 'Approval'");
        assertFalse(reports.get(1).reason().contains("revision 2"), reports.get(1).reason());
    }

    // ---- shadow attacks: hide

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void hideByRedefiningTheOverlay(boolean compressed) throws Exception {
        Path pdf = signed(hidden(dir.resolve("hide-in.pdf"), compressed), "hide");
        assertTrue(text(pdf).contains("123"));
        Path attacked = update(pdf, "hide-redefined", doc -> {
            PDPage page = doc.getPage(0);
            PDFormXObject overlay = (PDFormXObject) page.getResources().getXObject(COSName.getPDFName("Form1"));
            try (OutputStream out = overlay.getCOSObject().createOutputStream()) {
                out.write(new byte[0]); // the overlay draws nothing now
            }
            mark(page.getCOSObject(), page.getResources().getCOSObject(), overlay.getCOSObject());
            markResourceGroup(page, COSName.XOBJECT);
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "XObject /Form1 of page 1", "changed");
    }

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void hideByFreeingTheOverlay(boolean compressed) throws Exception {
        Path pdf = signed(hidden(dir.resolve("free-in.pdf"), compressed), "free");
        COSObjectKey overlay;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            overlay = keyOf(doc.getPage(0).getResources().getCOSObject(), COSName.XOBJECT, "Form1");
        }
        // a revision whose only content is a free entry for the overlay: readers that honour it stop drawing it
        Path attacked = copy(pdf, "free-attacked");
        appendRevision(attacked, Map.of(), Map.of(), List.of(overlay.getNumber()));
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "XObject /Form1 of page 1 (object " + overlay.getNumber() + " 0)", "deleted");
    }

    @Test
    void hideByMakingAnOverlayAnnotationHidden() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("annot-in.pdf"), 1);
        Path prepared = update(in, "annot-prepared", doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationSquare cover = new PDAnnotationSquare();
            cover.setRectangle(new PDRectangle(60, 740, 480, 40));
            cover.setAppearance(appearance(doc, cover.getRectangle(), SHOWN));
            cover.setPrinted(true);
            page.getAnnotations().add(cover);
            mark(page.getCOSObject());
        });
        Path pdf = signed(prepared, "annot-signed");
        Path attacked = update(pdf, "annot-hidden", doc -> {
            PDPage page = doc.getPage(0);
            var cover = page.getAnnotations().stream().filter(a -> a instanceof PDAnnotationSquare).findFirst()
                    .orElseThrow();
            cover.setHidden(true);
            mark(cover.getCOSObject(), page.getCOSObject());
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "annotation /Square on page 1", "entry /F");

        Path removed = update(pdf, "annot-removed", doc -> {
            PDPage page = doc.getPage(0);
            var annotations = page.getAnnotations();
            annotations.removeIf(a -> a instanceof PDAnnotationSquare);
            page.setAnnotations(annotations);
            mark(page.getCOSObject());
        });
        try (PDDocument doc = Loader.loadPDF(removed.toFile())) {
            assertEquals(1, doc.getPage(0).getAnnotations().size(), "only the signature's widget is left");
        }
        assertModified(verifier.verify(removed).get(0), "annotation(s) on page 1 were removed");
    }

    @Test
    void hideByTurningOffOptionalContent() throws Exception {
        Path in = dir.resolve("oc-in.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var props = new org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties();
            var cover = new org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup("Cover");
            props.addGroup(cover);
            doc.getDocumentCatalog().setOCProperties(props);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(72, 755);
                cs.showText(FORGED);
                cs.endText();
                cs.beginMarkedContent(COSName.OC, cover);
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(60, 740, 480, 40);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(72, 755);
                cs.showText(SHOWN);
                cs.endText();
                cs.endMarkedContent();
            }
            doc.save(in.toFile());
        }
        Path pdf = signed(in, "oc-signed");
        Path attacked = update(pdf, "oc-off", doc -> {
            var props = doc.getDocumentCatalog().getOCProperties();
            props.setGroupEnabled("Cover", false);
            mark(doc.getDocumentCatalog().getCOSObject(), props.getCOSObject());
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "/OCProperties");
    }

    // ---- shadow attacks: replace

    @Test
    void replaceByRedefiningAFont() throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("font-in.pdf"), 1, false), "font");
        Path attacked = update(pdf, "font-attacked", doc -> {
            PDPage page = doc.getPage(0);
            COSDictionary font = (COSDictionary) page.getResources().getCOSObject()
                    .getCOSDictionary(COSName.FONT).getDictionaryObject(COSName.getPDFName("F1"));
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
            COSArray differences = new COSArray();
            differences.add(org.apache.pdfbox.cos.COSInteger.get('1'));
            differences.add(COSName.getPDFName("nine")); // every "1" of the page now reads "9"
            encoding.setItem(COSName.DIFFERENCES, differences);
            font.setItem(COSName.ENCODING, encoding);
            mark(font, page.getCOSObject(), page.getResources().getCOSObject());
            markResourceGroup(page, COSName.FONT);
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "font /F1 of page 1", "/Encoding");
    }

    @Test
    void replaceByRedefiningAnXObject() throws Exception {
        Path pdf = signed(hidden(dir.resolve("xobject-in.pdf"), true), "xobject");
        Path attacked = update(pdf, "xobject-attacked", doc -> {
            PDPage page = doc.getPage(0);
            PDFormXObject overlay = (PDFormXObject) page.getResources().getXObject(COSName.getPDFName("Form1"));
            try (OutputStream out = overlay.getCOSObject().createOutputStream()) {
                out.write(("1 1 1 rg 0 0 480 40 re f BT /F1 12 Tf 0 0 0 rg 10 15 Td (" + FORGED + ") Tj ET")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            mark(page.getCOSObject(), page.getResources().getCOSObject(), overlay.getCOSObject());
            markResourceGroup(page, COSName.XOBJECT);
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "XObject /Form1 of page 1", "data");
    }

    @Test
    void replaceByChangingAFormFieldsValueAndAppearance() throws Exception {
        Path pdf = signed(withAmountField(dir.resolve("field-in.pdf"), "100", "100"), "field");
        Path attacked = update(pdf, "field-attacked", doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            PDTextField amount = (PDTextField) form.getField("amount");
            amount.setValue("9000000");
            mark(doc.getDocumentCatalog().getCOSObject(), form.getCOSObject(), amount.getCOSObject());
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "form field 'amount'", "changed");
    }

    @Test
    void replaceByAskingViewersToRedrawTheFormFields() throws Exception {
        // the signed field shows "100" while its value is "9000000"; /NeedAppearances makes viewers redraw it
        Path pdf = signed(withAmountField(dir.resolve("needs-in.pdf"), "100", "9000000"), "needs");
        Path attacked = update(pdf, "needs-attacked", doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            form.setNeedAppearances(true);
            mark(doc.getDocumentCatalog().getCOSObject(), form.getCOSObject());
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "the interactive form", "/NeedAppearances");
    }

    // ---- shadow attacks: hide-and-replace

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void hideAndReplaceByPointingThePageAtASignedButUnusedObject(boolean compressed) throws Exception {
        Path in = PdfFixtures.document(dir.resolve("shadow-in.pdf"), 1, compressed);
        Path prepared = update(in, "shadow-prepared", doc -> {
            // the shadow content: in the document (so it is signed) but drawn by nothing
            COSStream shadow = doc.getDocument().createCOSStream();
            try (OutputStream out = shadow.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(("BT /F1 12 Tf 72 760 Td (" + FORGED + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("PieceInfo"), shadow);
            mark(doc.getDocumentCatalog().getCOSObject());
        });
        Path pdf = signed(prepared, "shadow-signed");
        Path attacked = update(pdf, "shadow-attacked", doc -> {
            PDPage page = doc.getPage(0);
            page.getCOSObject().setItem(COSName.CONTENTS,
                    doc.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("PieceInfo")));
            mark(page.getCOSObject());
        });
        assertTrue(text(attacked).contains("666"));
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "page 1", "entry /Contents", "already in the signed file");
    }

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void hideAndReplaceByACrossReferenceEntryAlone(boolean compressed) throws Exception {
        // the signed file holds a second, unused definition of the page's content stream; the attack is only a
        // cross-reference section pointing the object at it
        Path in = PdfFixtures.document(dir.resolve("xref-in.pdf"), 1, compressed);
        COSObjectKey content;
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            content = ((COSObject) doc.getPage(0).getCOSObject().getItem(COSName.CONTENTS)).getKey();
        }
        long startxref = startxref(in);
        byte[] body = ("BT /F1 12 Tf 72 760 Td (" + FORGED + ") Tj ET").getBytes(StandardCharsets.US_ASCII);
        long shadowAt = Files.size(in) + 1;
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        tail.write(("\n" + content.getNumber() + " 0 obj\n<< /Length " + body.length + " >>\nstream\n")
                .getBytes(StandardCharsets.US_ASCII));
        tail.write(body);
        tail.write(("\nendstream\nendobj\nstartxref\n" + startxref + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(in, tail.toByteArray(), StandardOpenOption.APPEND);
        Path pdf = signed(in, "xref-signed");
        assertFalse(text(pdf).contains("666"), "the shadow definition is not what is shown when signed");

        Path attacked = copy(pdf, "xref-attacked");
        appendRevision(attacked, Map.of(), Map.of(content.getNumber(), shadowAt), List.of());
        assertTrue(text(attacked).contains("666"), "the attack took effect");
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "the content of page 1 (object " + content.getNumber() + " 0)",
                "other bytes of the signed file");
    }

    @Test
    void anObjectTheSignedFileReferredToButDidNotContainCannotBeAddedLater() throws Exception {
        // the signed page draws /Fm9, a reference to an object that does not exist yet (so nothing is drawn)
        Path in = PdfFixtures.document(dir.resolve("dangling-in.pdf"), 1, false);
        long missing;
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            missing = doc.getDocument().getTrailer().getLong(COSName.SIZE) + 40;
        }
        Path prepared = update(in, "dangling-prepared", doc -> {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    false)) {
                cs.drawForm(new PDFormXObject(doc)); // a placeholder, repointed below
            }
            COSDictionary xobjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
            COSName drawn = page.getResources().getXObjectNames().iterator().next();
            xobjects.setItem(drawn, new COSObject(null, new COSObjectKey(missing, 0)));
            mark(page.getCOSObject(), page.getResources().getCOSObject());
        });
        Path pdf = signed(prepared, "dangling-signed");
        assertEquals(Indication.VALID, verifier.verify(pdf).get(0).indication());

        byte[] form = ("1 1 1 rg 60 740 480 40 re f BT /F1 12 Tf 0 0 0 rg 72 755 Td (" + FORGED + ") Tj ET")
                .getBytes(StandardCharsets.US_ASCII);
        String object = "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length " + form.length
                + " >>\nstream\n" + new String(form, StandardCharsets.US_ASCII) + "\nendstream";
        Path attacked = copy(pdf, "dangling-attacked");
        appendRevision(attacked, Map.of(missing, object), Map.of(), List.of());
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "the /XObject resources of page 1", "reference to object " + missing, "did not contain");
    }

    @Test
    void aLaterCrossReferenceSectionThatDoesNotContinueFromTheSignedRevisionIsRefused() throws Exception {
        // a last section re-listing every object by itself (no /Prev): readers see only what it lists
        Path pdf = signed(PdfFixtures.document(dir.resolve("chain-in.pdf"), 1, false), "chain");
        Path attacked = copy(pdf, "chain-attacked");
        Map<Long, Long> all = new java.util.TreeMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            doc.getDocument().getXrefTable().forEach((k, v) -> all.put(k.getNumber(), v));
        }
        appendRevision(attacked, Map.of(), all, List.of(), false);
        assertEquals(Indication.VALID, verifier.verify(pdf).get(0).indication());
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "does not continue from the signed revision");
    }

    @Test
    void aLaterRevisionCannotCertifyOrSetPermissions() throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("perms-in.pdf"), 1), "perms");
        Path attacked = update(pdf, "perms-added", doc -> {
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.DOCMDP, doc.getLastSignatureDictionary().getCOSObject());
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
            mark(doc.getDocumentCatalog().getCOSObject());
        });
        assertModified(verifier.verify(attacked).get(0), "entry /Perms", "first signature");
    }

    // ---- a later "signature" that is not a real one

    @Test
    void aFieldReusingAnotherSignaturesValueIsNotASignatureOfItsOwn() throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("replay-in.pdf"), 1), "replay");
        Path copied = update(pdf, "replay-copied", doc -> {
            PDSignature original = doc.getLastSignatureDictionary();
            COSDictionary copy = new COSDictionary();
            for (COSName k : List.of(COSName.TYPE, COSName.FILTER, COSName.SUB_FILTER, COSName.BYTERANGE)) {
                copy.setItem(k, original.getCOSObject().getDictionaryObject(k));
            }
            COSString contents = new COSString(original.getContents());
            contents.setForceHexForm(true);
            copy.setItem(COSName.CONTENTS, contents);
            addApproval(doc, copy);
        });
        List<ValidationReport> reports = verifier.verify(copied);
        assertEquals(2, reports.size(), reports::toString);
        assertModified(reports.get(0), "signature field 'Approval'", "does not sign");
        assertEquals(SubIndication.FORMAT_FAILURE, reports.get(1).subIndication().orElseThrow(), reports::toString);
        assertTrue(reports.get(1).reason().contains("another signature"), reports.get(1).reason());

        Path shared = update(pdf, "replay-shared", doc -> addApproval(doc, doc.getLastSignatureDictionary()
                .getCOSObject()));
        List<ValidationReport> again = verifier.verify(shared);
        assertEquals(2, again.size(), again::toString);
        assertModified(again.get(0), "signature field 'Approval'", "does not sign");
        assertTrue(again.get(1).reason().contains("uses the signature dictionary of field"), again.get(1).reason());
    }

    // ---- certification attacks (2021)

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {2, 3})
    void evilAnnotationOnACertifiedDocument(int p) throws Exception {
        Path certified = certified(p);
        Path attacked = update(certified, "evil", doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationFreeText note = new PDAnnotationFreeText();
            note.setRectangle(new PDRectangle(60, 740, 480, 40));
            note.setContents(FORGED);
            note.setAppearance(appearance(doc, note.getRectangle(), FORGED));
            page.getAnnotations().add(note);
            mark(page.getCOSObject());
        });
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "annotation that is not a signature (/FreeText", "page 1");
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {2, 3})
    void sneakySignatureOnACertifiedDocument(int p) throws Exception {
        Path certified = certified(p);
        Path attacked = update(certified, "sneaky", doc -> addApproval(doc, null));
        ValidationReport r = verifier.verify(attacked).get(0);
        assertModified(r, "unsigned signature field 'Approval'", "visible appearance");

        // an empty field that shows nothing is fine for an approval signature, but a certification permits
        // signing, not new fields
        Path empty = update(certified, "sneaky-empty", PdfShadowAttackTest::addInvisibleField);
        ValidationReport e = verifier.verify(empty).get(0);
        assertModified(e, "empty signature field 'Empty'", "DocMDP P=" + p);
    }

    @Test
    void aRealLaterSignatureOnACertifiedDocumentKeepsTheCertificationValid() throws Exception {
        Path certified = certified(2);
        Path countersigned = dir.resolve("certified-countersigned.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .stamp(VisibleStamp.at(1, 330, 120, 200, 60).build()).build()) {
            s.sign(certified, countersigned);
        }
        List<ValidationReport> reports = verifier.verify(countersigned);
        assertEquals(2, reports.size());
        reports.forEach(r -> assertEquals(Indication.VALID, r.indication(), r.toString()));
        assertTrue(reports.get(0).warnings().stream().anyMatch(w -> w.contains("visible appearance on page 1")),
                reports.get(0).warnings().toString());
    }

    // ---- what must stay allowed

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void signerStampAgencySealAndAnInvisibleThirdSignatureAllStayValid(boolean compressed) throws Exception {
        Path in = PdfFixtures.document(dir.resolve("three-in.pdf"), 1, compressed);
        Path first = dir.resolve("three-1.pdf");
        Path second = dir.resolve("three-2.pdf");
        Path third = dir.resolve("three-3.pdf");
        VisibleStamp signerStamp = VisibleStamp.at(1, 330, 120, 200, 60).build();
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).stamp(signerStamp).build()) {
            s.sign(in, first);
        }
        VisibleStamp seal = VisibleStamp.agencySealOver(signerStamp, 100, 100).image(PdfFixtures.sealPng())
                .imageOnly().build();
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).stamp(seal).build()) {
            s.sign(first, second);
        }
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).build()) {
            s.sign(second, third);
        }
        List<ValidationReport> reports = verifier.verify(third);
        assertEquals(3, reports.size());
        reports.forEach(r -> assertEquals(Indication.VALID, r.indication(), r.toString()));
        assertTrue(reports.get(0).warnings().contains("later revisions only add signatures"));
        assertTrue(reports.get(0).warnings().stream().anyMatch(w -> w.contains("signature 'Signature2' with a "
                + "visible appearance on page 1")), reports.get(0).warnings().toString());
        // every object the later signatures add is accounted for as part of a signature
        assertTrue(reports.get(0).warnings().stream().noneMatch(w -> w.contains("used by nothing")),
                reports.get(0).warnings().toString());
    }

    @Test
    void anAddedEmptyInvisibleSignatureFieldKeepsTheSignatureValid() throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("empty-in.pdf"), 1), "empty");
        Path updated = update(pdf, "empty-field", PdfShadowAttackTest::addInvisibleField);
        ValidationReport r = verifier.verify(updated).get(0);
        assertEquals(Indication.VALID, r.indication(), r.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("empty, invisible signature field 'Empty'")),
                r.warnings().toString());
    }

    @Test
    void aPreparedSignatureNotYetCompletedBreaksEarlierOnesOnlyWhenItShowsAStamp() throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("prep-in.pdf"), 1), "prep");
        Path invisible = dir.resolve("prep-invisible.pdf");
        Path visible = dir.resolve("prep-visible.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).build()) {
            s.prepare(pdf, invisible); // step 1 of deferred signing: the value is still blank
        }
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY))
                .stamp(VisibleStamp.at(1, 330, 120, 200, 60).build()).build()) {
            s.prepare(pdf, visible);
        }
        List<ValidationReport> pending = verifier.verify(invisible);
        assertEquals(Indication.VALID, pending.get(0).indication(), pending.toString());
        assertEquals(SubIndication.FORMAT_FAILURE, pending.get(1).subIndication().orElseThrow(), pending::toString);
        List<ValidationReport> stamped = verifier.verify(visible);
        assertModified(stamped.get(0), "value that is not a signature", "page 1");
    }

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void addedValidationDataKeepsTheSignatureValid(boolean compressed) throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("dss-in.pdf"), 1, compressed), "dss");
        Path updated = update(pdf, "dss-added", doc -> {
            COSStream cert = doc.getDocument().createCOSStream();
            try (OutputStream out = cert.createOutputStream()) {
                out.write(pki.signer(TestPki.Kind.GOOD).certificate().getEncoded());
            }
            COSArray certs = new COSArray();
            certs.add(cert);
            COSDictionary vri = new COSDictionary();
            COSDictionary entry = new COSDictionary();
            entry.setItem(COSName.getPDFName("Cert"), certs);
            vri.setItem(COSName.getPDFName("0123456789ABCDEF0123456789ABCDEF01234567"), entry);
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), certs);
            dss.setItem(COSName.getPDFName("VRI"), vri);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
            mark(doc.getDocumentCatalog().getCOSObject());
        });
        ValidationReport r = verifier.verify(updated).get(0);
        assertEquals(Indication.VALID, r.indication(), r.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("validation data (/DSS)")),
                r.warnings().toString());
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("used by nothing")), r.warnings().toString());
    }

    @Test
    void changedMetadataIsReportedNotRefused() throws Exception {
        Path pdf = signed(PdfFixtures.document(dir.resolve("meta-in.pdf"), 1), "meta");
        Path updated = update(pdf, "meta-changed", doc -> {
            org.apache.pdfbox.pdmodel.common.PDMetadata xmp = new org.apache.pdfbox.pdmodel.common.PDMetadata(doc);
            xmp.importXMPMetadata("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>".getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(xmp);
            doc.getDocumentInformation().setTitle("Công văn 123");
            mark(doc.getDocumentCatalog().getCOSObject(), doc.getDocumentInformation().getCOSObject());
            doc.getDocument().getTrailer().setNeedToBeUpdated(true);
        });
        ValidationReport r = verifier.verify(updated).get(0);
        assertEquals(Indication.VALID, r.indication(), r.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("XMP metadata was changed")), r.warnings()
                .toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("document information dictionary was changed")),
                r.warnings().toString());
    }

    // ---- helpers

    private Path signed(Path in, String name) {
        Path out = dir.resolve(name + ".pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(in, out);
        }
        ValidationReport r = verifier.verify(out).get(0);
        assertEquals(Indication.VALID, r.indication(), "valid before the attack: " + r);
        return out;
    }

    private static void assertModified(ValidationReport r, String... mentioned) {
        assertEquals(Indication.INVALID, r.indication(), r::toString);
        assertEquals(SubIndication.HASH_FAILURE, r.subIndication().orElseThrow(), r::toString);
        assertTrue(r.reason().contains("modified after this signature"), r.reason());
        for (String m : mentioned) {
            assertTrue(r.reason().contains(m), () -> "'" + m + "' in: " + r.reason());
        }
    }

    /** A change written as an incremental update with PDFBox. */
    private Path update(Path pdf, String name, Change change) throws Exception {
        Path out = dir.resolve(name + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream o = Files.newOutputStream(out)) {
            change.apply(doc);
            doc.saveIncremental(o);
        }
        assertNotEquals(Files.size(pdf), Files.size(out), "the update wrote something");
        return out;
    }

    @FunctionalInterface
    private interface Change {
        void apply(PDDocument doc) throws Exception;
    }

    private static void mark(COSDictionary... objects) {
        for (COSDictionary d : objects) {
            d.setNeedToBeUpdated(true);
        }
    }

    private static void markResourceGroup(PDPage page, COSName group) {
        if (page.getResources().getCOSObject().getDictionaryObject(group) instanceof COSUpdateInfo u) {
            u.setNeedToBeUpdated(true);
        }
    }

    /** A white box with a line of text: what an overlay paints. */
    private static PDAppearanceDictionary appearance(PDDocument doc, PDRectangle rect, String text)
            throws IOException {
        PDAppearanceStream ap = new PDAppearanceStream(doc);
        ap.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        ap.setResources(new PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(0, 0, rect.getWidth(), rect.getHeight());
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
            cs.newLineAtOffset(8, 14);
            cs.showText(text);
            cs.endText();
        }
        PDAppearanceDictionary d = new PDAppearanceDictionary();
        d.setNormalAppearance(ap);
        return d;
    }

    /** A page whose real text ({@link #FORGED}) lies under a form XObject /Fm1 painting {@link #SHOWN}. */
    private static Path hidden(Path file, boolean compressed) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFormXObject cover = new PDFormXObject(doc);
            cover.setBBox(new PDRectangle(480, 40));
            cover.setResources(new PDResources());
            cover.getResources().put(COSName.getPDFName("F1"), font);
            try (OutputStream out = cover.getCOSObject().createOutputStream()) {
                out.write(("1 1 1 rg 0 0 480 40 re f BT /F1 12 Tf 0 0 0 rg 10 15 Td (" + SHOWN + ") Tj ET")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(72, 755);
                cs.showText(FORGED);
                cs.endText();
                cs.saveGraphicsState();
                cs.transform(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, 62, 740));
                cs.drawForm(cover);
                cs.restoreGraphicsState();
            }
            assertEquals("Form1", page.getResources().getXObjectNames().iterator().next().getName(), "named as the "
                    + "tests expect");
            doc.save(file.toFile(), compressed ? CompressParameters.DEFAULT_COMPRESSION
                    : CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    /** A page with a text field 'amount' showing {@code shown} whose value is {@code value}. */
    private static Path withAmountField(Path file, String shown, String value) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources dr = new PDResources();
            dr.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(dr);
            form.setDefaultAppearance("/Helv 12 Tf 0 g");
            PDTextField amount = new PDTextField(form);
            amount.setPartialName("amount");
            PDAnnotationWidget w = amount.getWidgets().get(0);
            w.setRectangle(new PDRectangle(72, 700, 200, 24));
            w.setPage(page);
            w.setPrinted(true);
            page.getAnnotations().add(w);
            form.getFields().add(amount);
            amount.setValue(shown);
            amount.getCOSObject().setString(COSName.V, value);
            doc.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    private static void addApproval(PDDocument doc, COSDictionary value) throws IOException {
        PDPage page = doc.getPage(0);
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName("Approval");
        if (value != null) {
            field.getCOSObject().setItem(COSName.V, value);
        }
        PDAnnotationWidget w = field.getWidgets().get(0);
        w.setRectangle(new PDRectangle(60, 740, 480, 40));
        w.setPage(page);
        w.setAppearance(appearance(doc, w.getRectangle(), FORGED));
        form.getFields().add(field);
        page.getAnnotations().add(w);
        mark(doc.getDocumentCatalog().getCOSObject(), form.getCOSObject(), page.getCOSObject());
    }

    private static void addInvisibleField(PDDocument doc) throws IOException {
        PDPage page = doc.getPage(0);
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName("Empty");
        PDAnnotationWidget w = field.getWidgets().get(0);
        w.setRectangle(new PDRectangle(0, 0, 0, 0));
        w.setPage(page);
        form.getFields().add(field);
        page.getAnnotations().add(w);
        mark(doc.getDocumentCatalog().getCOSObject(), form.getCOSObject(), page.getCOSObject());
    }

    /** A one-page document certified (DocMDP) with permission level {@code p} by the agency, with PDFBox. */
    private Path certified(int p) throws Exception {
        Path in = PdfFixtures.document(dir.resolve("cert-in-" + p + ".pdf"), 1);
        Path out = dir.resolve("certified-" + p + ".pdf");
        SigningKey key = pki.signer(TestPki.Kind.AGENCY);
        PdfBoxCertification.certify(in, out, key, p);
        ValidationReport r = verifier.verify(out).get(0);
        assertEquals(Indication.VALID, r.indication(), "certified: " + r);
        return out;
    }

    /** The text PDFBox extracts from the first page (what a reader sees, near enough). */
    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper();
            return s.getText(doc);
        }
    }

    private Path copy(Path pdf, String name) throws IOException {
        Path out = dir.resolve(name + ".pdf");
        Files.copy(pdf, out);
        return out;
    }

    private static COSObjectKey keyOf(COSDictionary resources, COSName group, String name) {
        COSDictionary d = (COSDictionary) resources.getDictionaryObject(group);
        return ((COSObject) d.getItem(COSName.getPDFName(name))).getKey();
    }

    private static long startxref(Path pdf) throws IOException {
        String tail = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int at = tail.lastIndexOf("startxref");
        return Long.parseLong(tail.substring(at + 9, tail.indexOf("%%EOF", at)).trim());
    }

    /**
     * Appends a revision written by hand, with a classic cross-reference table: new object definitions, entries
     * pointing object numbers at given offsets, and free entries.
     */
    private static void appendRevision(Path pdf, Map<Long, String> objects, Map<Long, Long> repoint,
            List<Long> freed) throws IOException {
        appendRevision(pdf, objects, repoint, freed, true);
    }

    private static void appendRevision(Path pdf, Map<Long, String> objects, Map<Long, Long> repoint,
            List<Long> freed, boolean chained) throws IOException {
        long size;
        String root;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            size = doc.getDocument().getTrailer().getLong(COSName.SIZE);
            COSObjectKey r = doc.getDocumentCatalog().getCOSObject().getKey();
            root = r.getNumber() + " " + r.getGeneration() + " R";
        }
        long prev = startxref(pdf);
        long at = Files.size(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Long, String> entries = new LinkedHashMap<>();
        out.write('\n');
        for (Map.Entry<Long, String> o : objects.entrySet()) {
            entries.put(o.getKey(), String.format("%010d 00000 n \n", at + out.size()));
            out.write((o.getKey() + " 0 obj\n" + o.getValue() + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
            size = Math.max(size, o.getKey() + 1);
        }
        repoint.forEach((n, offset) -> entries.put(n, String.format("%010d 00000 n \n", offset)));
        freed.forEach(n -> entries.put(n, "0000000000 00001 f \n"));
        long xref = at + out.size();
        StringBuilder sb = new StringBuilder("xref\n");
        entries.forEach((n, line) -> sb.append(n).append(" 1\n").append(line));
        sb.append("trailer\n<< /Size ").append(size).append(" /Root ").append(root)
                .append(chained ? " /Prev " + prev : "").append(" >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        Files.write(pdf, out.toByteArray(), StandardOpenOption.APPEND);
    }
}
