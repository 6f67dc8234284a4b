package vn.egov.sdk.signing.internal.pdf;

import static vn.egov.sdk.signing.internal.pdf.CosObjects.resolve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What the incremental updates after a signed revision changed, judged object by object against a whitelist.
 *
 * <p>Revision by revision: the objects each later revision defines, re-points, frees or adds are read from its
 * cross-reference section as written ({@link XrefChain}), not from PDFBox's merged view, and each is compared with
 * the revision before it (so that a later signature's objects, rewritten unchanged by the next signature, stay
 * allowed). A revision is judged once per file and the judgement reused for every earlier signature. Allowed:
 * <ul>
 *   <li>a real signature: a signature field whose {@code /V} is a signature dictionary with a present
 *       {@code /Contents} and a {@code /ByteRange} that covers the field, its widgets and their appearance (the
 *       later signature signs its own appearance, and is verified and reported on its own), whether the field is
 *       new or an empty field of the signed revision being signed;</li>
 *   <li>an empty signature field that cannot show anything: each widget has a zero-width or zero-height
 *       {@code /Rect}, or neither {@code /AP} nor {@code /MK} (not after a DocMDP certification, which permits
 *       signing, not adding fields);</li>
 *   <li>validation data: the catalog's {@code /DSS} and the dictionaries, arrays and streams under it;</li>
 *   <li>the bookkeeping those need: the catalog's {@code /AcroForm}, {@code /DSS} and {@code /Extensions}; the
 *       form's {@code /Fields} and {@code /SigFlags}; a page's {@code /Annots} growing by exactly the allowed
 *       widgets; the indirect arrays holding them; objects rewritten unchanged; cross-reference and object
 *       streams; and, reported, a changed document information dictionary or XMP metadata stream (neither is
 *       drawn on a page).</li>
 * </ul>
 * Everything else is a modification named in words: a redefined page, content stream, resource, font, XObject,
 * annotation or field; a freed object or one given a new generation; a new annotation or widget that is not an
 * allowed one; an object the signed revision referred to but did not contain, added later; a catalog change
 * ({@code /Perms}, {@code /OCProperties}, {@code /OpenAction}, ...); a form change ({@code /NeedAppearances},
 * {@code /DR}, {@code /XFA}, ...); a cross-reference chain that does not continue from the signed revision.
 *
 * <p>The parts: {@link XrefChain} reads the later sections, {@link RevisionAnalysis} judges one revision by the
 * roles of its objects ({@link SignatureChanges} for signature fields and widgets), keeping what it finds in a
 * {@link RevisionLedger}; {@link CosObjects} compares and names COS objects.
 */
public final class ChangeAnalyzer {
    /**
     * The result.
     *
     * @param modifications changes that alter the document after signing (empty when none)
     * @param notes allowed changes worth reporting
     */
    public record Result(List<String> modifications, List<String> notes) {
    }

    /** What one revision changed, judged against the revision before it. */
    record Step(List<String> modifications, List<String> notes, List<String> emptyFields) {
    }

    private final Path file;
    private final long size;
    private final PDDocument latest;
    private final Map<Long, Step> steps = new HashMap<>();

    /**
     * An analyzer of one file; it judges each revision once, however many signatures precede it.
     *
     * @param file the file
     * @param size its length
     * @param latest the whole file, loaded
     */
    public ChangeAnalyzer(Path file, long size, PDDocument latest) {
        this.file = file;
        this.size = size;
        this.latest = latest;
    }

    /**
     * What the revisions after the one ending at {@code revisionEnd} changed.
     *
     * @param revisionEnd where the signed revision ends
     * @param docMdp the signature's DocMDP permission level (2 or 3), or 0 for an approval signature
     * @throws IOException when the later revisions cannot be read or PDFBox's view of them differs from what they
     *     declare (the comparison would not be about the document a viewer shows)
     */
    public Result analyze(long revisionEnd, int docMdp) throws IOException {
        XrefChain chain = XrefChain.read(file, size, revisionEnd, key -> resolve(latest.getDocument(), key));
        Set<String> mods = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        if (chain.problem != null) {
            mods.add(chain.problem);
            return new Result(List.copyOf(mods), List.of());
        }
        long before = revisionEnd;
        int i = 0;
        for (XrefChain.Section s : chain.sections) {
            Step step = steps.get(s.offset());
            if (step == null) {
                step = step(before, s);
                steps.put(s.offset(), step);
            }
            String which = chain.sections.size() > 1 ? "revision " + ++i + " after this signature: " : "";
            step.modifications().forEach(m -> mods.add(which + m));
            step.notes().forEach(notes::add);
            for (String field : step.emptyFields()) {
                if (docMdp >= 2) {
                    mods.add(which + "an empty signature field " + field + " was added, which the certification "
                            + "(DocMDP P=" + docMdp + ") does not permit: it permits signing, not new fields");
                } else {
                    notes.add("a later revision adds an empty, invisible signature field " + field);
                }
            }
            before = s.end();
        }
        return new Result(List.copyOf(mods), List.copyOf(notes));
    }

    private Step step(long before, XrefChain.Section section) throws IOException {
        try (PDDocument old = load(before); PDDocument now = section.end() >= size ? null : load(section.end())) {
            return new RevisionAnalysis(old, now == null ? latest : now, section, before).run();
        }
    }

    private PDDocument load(long end) throws IOException {
        return Loader.loadPDF(new RevisionRead(file, end), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }
}
