package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
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
 */
public final class ChangeAnalyzer {
    private static final Set<COSName> CATALOG_ALLOWED = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.EXTENSIONS, COSName.METADATA);
    private static final Set<COSName> SIGNING_FIELD_ALLOWED = Set.of(COSName.V, COSName.AP, COSName.AS, COSName.F,
            COSName.getPDFName("Lock"), COSName.getPDFName("SV"), COSName.MK, COSName.RECT, COSName.P,
            COSName.DA);
    private static final Set<COSName> SIGNING_WIDGET_ALLOWED = Set.of(COSName.AP, COSName.AS, COSName.F,
            COSName.MK, COSName.RECT, COSName.P, COSName.DA);
    private static final String METADATA_NOTE = "the document's XMP metadata was changed after this signature";
    private static final int MAX_DEPTH = 32;
    private static final int MAX_NODES = 1_000_000;
    private static final int MAX_NAMED = 20;

    /**
     * The result.
     *
     * @param modifications changes that alter the document after signing (empty when none)
     * @param notes allowed changes worth reporting
     */
    public record Result(List<String> modifications, List<String> notes) {
    }

    /** What one revision changed, judged against the revision before it. */
    private record Step(List<String> modifications, List<String> notes, List<String> emptyFields) {
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
            return new Analysis(old, now == null ? latest : now, section, before).run();
        }
    }

    private PDDocument load(long end) throws IOException {
        return Loader.loadPDF(new RevisionRead(file, end), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }

    /** One revision compared with the one before it. */
    private static final class Analysis {
        private final COSDocument old;
        private final COSDocument now;
        private final PDDocument signed;
        private final XrefChain.Section section;
        private final long revisionEnd;
        private final Map<Long, XrefChain.Entry> entries;
        private final Map<COSObjectKey, Long> oldXref;
        private final Map<COSObjectKey, Long> newXref;
        private final Map<Long, COSObjectKey> oldByNumber = new HashMap<>();
        private final Map<Long, COSObjectKey> added = new TreeMap<>();
        private final Set<Long> claimed = new HashSet<>();
        private final Set<String> mods = new LinkedHashSet<>();
        private final Set<String> notes = new LinkedHashSet<>();
        private final Set<String> emptyFields = new LinkedHashSet<>();
        private final Set<COSDictionary> judgedFields = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        private final List<Runnable> fieldLists = new ArrayList<>();
        private SignedRoles roles;

        Analysis(PDDocument signed, PDDocument latest, XrefChain.Section section, long revisionEnd) {
            this.signed = signed;
            this.revisionEnd = revisionEnd;
            this.old = signed.getDocument();
            this.now = latest.getDocument();
            this.section = section;
            this.entries = section.entries();
            this.oldXref = old.getXrefTable();
            this.newXref = now.getXrefTable();
        }

        Step run() throws IOException {
            consistent();
            oldXref.keySet().forEach(k -> oldByNumber.merge(k.getNumber(), k,
                    (a, b) -> a.getGeneration() >= b.getGeneration() ? a : b));
            roles = SignedRoles.of(signed);
            if (!trailer()) {
                return result();
            }
            List<COSObjectKey> redefined = new ArrayList<>();
            for (XrefChain.Entry e : entries.values()) {
                COSObjectKey was = oldByNumber.get(e.number());
                if (e.kind() == XrefChain.Kind.FREE) {
                    if (was != null && !isType(resolve(old, was), COSName.XREF)) {
                        mods.add(describe(was) + " was deleted by a later revision (its cross-reference entry was "
                                + "freed, so viewers no longer draw it)");
                    }
                } else if (was == null) {
                    added.put(e.number(), new COSObjectKey(e.number(), e.generation()));
                } else if (was.getGeneration() != e.generation()) {
                    mods.add(describe(was) + " was replaced by a new generation of object " + e.number()
                            + " (references to the signed object no longer resolve)");
                } else {
                    redefined.add(was);
                }
            }
            // objects stored in an object stream that a later revision redefined or freed change with it
            for (Map.Entry<COSObjectKey, Long> o : oldXref.entrySet()) {
                if (o.getValue() < 0 && !entries.containsKey(o.getKey().getNumber())) {
                    XrefChain.Entry stream = entries.get(-o.getValue());
                    if (stream != null && stream.kind() == XrefChain.Kind.FREE) {
                        mods.add(describe(o.getKey()) + " was deleted by a later revision (the object stream "
                                + "holding it was freed)");
                    } else if (stream != null) {
                        redefined.add(o.getKey());
                    }
                }
            }
            for (COSObjectKey k : redefined) {
                redefinedObject(k);
            }
            // field lists last: a field added with a widget on a page is judged (and named) with its page first
            fieldLists.forEach(Runnable::run);
            addedObjects();
            return result();
        }

        private Step result() {
            return new Step(List.copyOf(mods), List.copyOf(notes), List.copyOf(emptyFields));
        }

        /** PDFBox must see what the sections declare, or the comparison would be about another document. */
        private void consistent() throws IOException {
            if (now.getStartXref() != section.offset()) {
                throw new IOException("PDFBox read the cross-reference data from byte " + now.getStartXref()
                        + ", the file names byte " + section.offset());
            }
            for (XrefChain.Entry e : entries.values()) {
                if (e.kind() == XrefChain.Kind.FREE) {
                    continue;
                }
                Long v = newXref.get(new COSObjectKey(e.number(), e.generation()));
                long expected = e.kind() == XrefChain.Kind.OFFSET ? e.value() : -e.value();
                if (v == null || v != expected) {
                    throw new IOException("the cross-reference data of the later revisions is damaged (object "
                            + e.number() + " " + e.generation() + ")");
                }
            }
            for (Map.Entry<COSObjectKey, Long> o : oldXref.entrySet()) {
                if (!entries.containsKey(o.getKey().getNumber())
                        && !o.getValue().equals(newXref.get(o.getKey()))) {
                    throw new IOException("the cross-reference data is damaged (object " + o.getKey() + ")");
                }
            }
            for (COSObjectKey k : newXref.keySet()) {
                if (!entries.containsKey(k.getNumber()) && !oldXref.containsKey(k)) {
                    throw new IOException("the cross-reference data is damaged (object " + k
                            + " is in no cross-reference section)");
                }
            }
        }

        /** The catalog must stay the same object; a new information dictionary is reported. */
        private boolean trailer() {
            COSDictionary before = old.getTrailer();
            COSDictionary after = now.getTrailer();
            COSObjectKey root = SignedRoles.key(after.getItem(COSName.ROOT));
            if (roles.root == null || !roles.root.equals(root)) {
                mods.add("a later revision replaced the document catalog (the trailer's /Root names "
                        + (root == null ? "no object" : "object " + text(root)) + " instead of object "
                        + (roles.root == null ? "?" : text(roles.root)) + ")");
                return false;
            }
            if (!same(before.getItem(COSName.ENCRYPT), after.getItem(COSName.ENCRYPT), 0)) {
                mods.add("a later revision changed the document's encryption (/Encrypt)");
            }
            if (!same(before.getItem(COSName.INFO), after.getItem(COSName.INFO), 0)) {
                notes.add("the document information dictionary was changed after this signature");
                claim(after.getItem(COSName.INFO));
            }
            return true;
        }

        private void redefinedObject(COSObjectKey k) throws IOException {
            COSBase before = resolve(old, k);
            COSBase after = resolve(now, k);
            if (identical(before, after)) {
                return;
            }
            String where = repointed(k);
            if (k.equals(roles.root)) {
                catalog(before, after);
            } else if (k.equals(roles.acroForm)) {
                acroForm(before, after, k);
            } else if (k.equals(roles.fields)) {
                fieldLists.add(() -> growth(before, after, "form field", null, k));
            } else if (roles.pages.containsKey(k)) {
                page(before, after, k);
            } else if (roles.annots.containsKey(k)) {
                growth(before, after, "annotation", roles.annots.get(k), k);
            } else if (roles.signatureFields.contains(k)) {
                signatureField(before, after, k);
            } else if (roles.signatureWidgets.containsKey(k)) {
                signatureWidget(before, after, k, roles.signatureWidgets.get(k));
            } else if (roles.dss.contains(k) && !roles.pageObjects.contains(k)) {
                validationData(before, after, k);
            } else if (k.equals(roles.info)) {
                notes.add("the document information dictionary was changed after this signature");
                claim(after);
            } else if (k.equals(roles.metadata) && isType(after, COSName.METADATA)
                    && !roles.pageObjects.contains(k)) {
                notes.add(METADATA_NOTE);
            } else if (structural(before) && structural(after)) {
                return; // a cross-reference or object stream; the objects in it are compared one by one
            } else {
                mods.add(describe(k) + " was changed by a later revision" + where + difference(before, after));
            }
        }

        /** When a later entry points an object back into the signed bytes: another definition found there. */
        private String repointed(COSObjectKey k) {
            XrefChain.Entry e = entries.get(k.getNumber());
            if (e != null && e.kind() == XrefChain.Kind.OFFSET && e.value() < revisionEnd) {
                return " (a later cross-reference entry points it at other bytes of the signed file, offset "
                        + e.value() + ")";
            }
            return "";
        }

        private void catalog(COSBase before, COSBase after) {
            if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream) {
                mods.add("the document catalog was replaced by a later revision");
                return;
            }
            for (COSName k : union(b, a)) {
                COSBase x = b.getItem(k);
                COSBase y = a.getItem(k);
                if (same(x, y, 0)) {
                    continue;
                }
                if (!CATALOG_ALLOWED.contains(k)) {
                    mods.add("the document catalog: " + change(k, x, y) + catalogHint(k));
                } else if (COSName.ACRO_FORM.equals(k)) {
                    claimOne(y);
                    acroForm(deref(x), deref(y), SignedRoles.key(y) != null ? SignedRoles.key(y) : roles.root);
                } else {
                    if (COSName.getPDFName("DSS").equals(k)) {
                        notes.add("a later revision adds or updates validation data (/DSS)");
                    } else if (COSName.METADATA.equals(k)) {
                        notes.add(METADATA_NOTE);
                    }
                    claim(y);
                }
            }
        }

        private static String catalogHint(COSName k) {
            if (COSName.PERMS.equals(k)) {
                return " (permissions and certification belong to the first signature, not to a later revision)";
            }
            if (COSName.OCPROPERTIES.equals(k)) {
                return " (optional content settings decide which content is shown)";
            }
            if (COSName.PAGES.equals(k)) {
                return " (the pages were replaced)";
            }
            return "";
        }

        /** The interactive form: only its field list and signature flags may change. */
        private void acroForm(COSBase before, COSBase after, COSObjectKey container) {
            if (!(after instanceof COSDictionary a) || a instanceof COSStream) {
                mods.add("the interactive form was removed or replaced by a later revision");
                return;
            }
            COSDictionary b = before instanceof COSDictionary d ? d : new COSDictionary();
            for (COSName k : union(b, a)) {
                COSBase x = b.getItem(k);
                COSBase y = a.getItem(k);
                if (same(x, y, 0) || COSName.SIG_FLAGS.equals(k)) {
                    continue;
                }
                if (COSName.FIELDS.equals(k)) {
                    claimOne(y);
                    fieldLists.add(() -> growth(deref(x), deref(y), "form field", null, container,
                            SignedRoles.key(y)));
                } else {
                    mods.add("the interactive form: " + change(k, x, y) + (COSName.NEED_APPEARANCES.equals(k)
                            ? " (viewers would redraw the form fields from their values instead of the signed "
                                    + "appearances)" : ""));
                }
            }
        }

        private void page(COSBase before, COSBase after, COSObjectKey k) {
            int number = roles.pages.get(k);
            if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream) {
                mods.add("page " + number + " was replaced by a later revision");
                return;
            }
            for (COSName n : union(b, a)) {
                COSBase x = b.getItem(n);
                COSBase y = a.getItem(n);
                if (same(x, y, 0)) {
                    continue;
                }
                if (COSName.ANNOTS.equals(n)) {
                    claimOne(y);
                    growth(deref(x), deref(y), "annotation", number, k, SignedRoles.key(y));
                } else {
                    mods.add("page " + number + " (object " + text(k) + "): " + change(n, x, y));
                }
            }
        }

        /** A field or annotation list may only keep its entries, in order, and add allowed signature fields. */
        private void growth(COSBase before, COSBase after, String what, Integer page, COSObjectKey... containers) {
            String where = page == null ? "" : " on page " + page;
            COSArray b = before instanceof COSArray x ? x : new COSArray();
            if (!(after instanceof COSArray a)) {
                if (before != null) {
                    mods.add("the list of " + what + "s" + where + " was removed by a later revision");
                }
                return;
            }
            if (a.size() < b.size()) {
                mods.add((b.size() - a.size()) + " " + what + "(s)" + where + " were removed by a later revision");
            }
            for (int i = 0; i < a.size(); i++) {
                if (i < b.size()) {
                    if (!same(b.get(i), a.get(i), 0)) {
                        COSObjectKey gone = SignedRoles.key(b.get(i));
                        mods.add((gone == null ? "a " + what + where : describe(gone))
                                + " was replaced in the list of " + what + "s by a later revision");
                    }
                } else if ("annotation".equals(what)) {
                    addedAnnotation(a.get(i), page, containers);
                } else {
                    addedField(a.get(i), containers, 0);
                }
            }
        }

        private void addedAnnotation(COSBase item, Integer page, COSObjectKey[] containers) {
            COSObjectKey k = SignedRoles.key(item);
            String ref = k == null ? "" : ", object " + text(k);
            if (!(deref(item) instanceof COSDictionary w)) {
                mods.add("an entry that is not an annotation was added to page " + page + ref);
                return;
            }
            if (!COSName.WIDGET.equals(w.getCOSName(COSName.SUBTYPE))) {
                COSName sub = w.getCOSName(COSName.SUBTYPE);
                mods.add("an annotation that is not a signature (/" + (sub == null ? "?" : sub.getName())
                        + ref + ") was added on page " + page + " by a later revision: annotations can paint over "
                        + "the signed content");
                return;
            }
            COSDictionary field = SignedRoles.fieldOf(w);
            COSBase fieldItem = field == w ? item : w.getItem(COSName.PARENT);
            if (!judgedFields.add(field)) {
                return;
            }
            if (!COSName.SIG.equals(SignedRoles.inheritedType(field))) {
                mods.add("a widget of a form field that is not a signature (" + name(field) + ref + ") was added on "
                        + "page " + page + " by a later revision");
                return;
            }
            // every widget of the field is judged, not only the one in this list
            List<COSBase> widgets = new ArrayList<>();
            if (field == w) {
                widgets.add(item);
            } else {
                if (field.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
                    for (int i = 0; i < kids.size(); i++) {
                        if (kids.getObject(i) instanceof COSDictionary kid && kid.getItem(COSName.T) == null) {
                            widgets.add(kids.get(i));
                        }
                    }
                }
                if (widgets.stream().noneMatch(x -> deref(x) == w)) {
                    widgets.add(item);
                }
            }
            signatureAddition(fieldItem, field, widgets, page, containers);
        }

        private void addedField(COSBase item, COSObjectKey[] containers, int depth) {
            COSObjectKey k = SignedRoles.key(item);
            if (!(deref(item) instanceof COSDictionary f) || depth > MAX_DEPTH) {
                mods.add("an entry that is not a form field was added to the form's field list"
                        + (k == null ? "" : " (object " + text(k) + ")"));
                return;
            }
            List<COSBase> widgets = new ArrayList<>();
            if (f.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
                for (int i = 0; i < kids.size(); i++) {
                    if (kids.getObject(i) instanceof COSDictionary kid && kid.getItem(COSName.T) != null) {
                        addedField(kids.get(i), containers, depth + 1); // a field under a new parent field
                    } else {
                        widgets.add(kids.get(i));
                    }
                }
                if (widgets.isEmpty()) {
                    claimOne(item);
                    return;
                }
            } else {
                widgets.add(item);
            }
            if (!judgedFields.add(f)) {
                return;
            }
            if (!COSName.SIG.equals(SignedRoles.inheritedType(f))) {
                mods.add("a form field that is not a signature (" + name(f) + (k == null ? "" : ", object "
                        + text(k)) + ") was added by a later revision");
                return;
            }
            signatureAddition(item, f, widgets, null, containers);
        }

        /**
         * A new signature field (or widget): a real signature that signs it, or an empty field that shows nothing (a
         * blank value, as in a prepared signature not yet completed, counts as empty).
         */
        private void signatureAddition(COSBase fieldItem, COSDictionary field, List<COSBase> widgets, Integer page,
                COSObjectKey[] containers) {
            String label = name(field);
            String on = page == null ? "" : " on page " + page;
            COSBase value = field.getItem(COSName.V);
            Long end = value == null ? null : signatureEnd(deref(value));
            if (value != null && end == null && !widgets.stream().allMatch(w -> invisible(deref(w)))) {
                mods.add("signature field " + label + on + " was added with a value that is not a signature "
                        + "(no /Contents or no /ByteRange): its appearance is not signed by anyone");
                return;
            }
            if (end != null) {
                Set<COSObjectKey> parts = new LinkedHashSet<>();
                parts.add(SignedRoles.key(fieldItem));
                parts.add(SignedRoles.key(value));
                for (COSBase w : widgets) {
                    parts.add(SignedRoles.key(w));
                }
                parts.addAll(Arrays.asList(containers));
                for (Long n : closure(fieldItem, widgets)) {
                    parts.add(added.get(n));
                }
                COSObjectKey outside = outside(parts, end);
                if (outside != null) {
                    mods.add("signature field " + label + on + " shows an appearance its signature does not sign "
                            + "(the signature covers the file up to byte " + end + "; " + describeNew(outside)
                            + " comes after it)");
                    return;
                }
                claim(fieldItem);
                widgets.forEach(this::claim);
                if (page != null && widgets.stream().anyMatch(w -> !invisible(deref(w)))) {
                    notes.add("a later revision adds signature " + label + " with a visible appearance" + on
                            + " (that signature is verified and reported on its own)");
                }
                return;
            }
            for (COSBase w : widgets) {
                if (!invisible(deref(w))) {
                    COSBase rect = deref(w) instanceof COSDictionary d ? d.getDictionaryObject(COSName.RECT) : null;
                    mods.add("an unsigned signature field " + label + on + " with a visible appearance"
                            + (rect instanceof COSArray r ? " at " + numbers(r) : "") + " was added by a later "
                            + "revision: it can paint over the page without anyone signing it");
                    return;
                }
            }
            claim(fieldItem);
            widgets.forEach(this::claim);
            emptyFields.add(label);
        }

        /** A signature field of the signed revision rewritten: only an empty one being really signed may change. */
        private void signatureField(COSBase before, COSBase after, COSObjectKey k) {
            String label = roles.names.getOrDefault(k, "signature field " + text(k));
            if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream) {
                mods.add(label + " was replaced by a later revision");
                return;
            }
            Set<COSName> changed = changed(b, a);
            if (b.getItem(COSName.V) != null) {
                mods.add(label + ", already signed, was changed by a later revision ("
                        + (changed.contains(COSName.V) ? "its signature value was replaced" : entries(changed))
                        + ")");
                return;
            }
            List<COSBase> widgets = new ArrayList<>();
            if (a.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
                for (int i = 0; i < kids.size(); i++) {
                    widgets.add(kids.get(i));
                }
            } else {
                widgets.add(new COSObject(a, k));
            }
            signing(label, a, k, widgets, changed, SIGNING_FIELD_ALLOWED);
        }

        private void signatureWidget(COSBase before, COSBase after, COSObjectKey k, COSObjectKey fieldKey) {
            String label = roles.names.getOrDefault(k, "a signature widget " + text(k));
            if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream
                    || !(resolve(now, fieldKey) instanceof COSDictionary field)) {
                mods.add(label + " was replaced by a later revision");
                return;
            }
            if (resolve(old, fieldKey) instanceof COSDictionary was && was.getItem(COSName.V) != null) {
                mods.add(label + ", already signed, was changed by a later revision (" + entries(changed(b, a))
                        + ")");
                return;
            }
            signing(label, field, fieldKey, List.of(new COSObject(a, k)), changed(b, a), SIGNING_WIDGET_ALLOWED);
        }

        /** An empty field of the signed revision changed: allowed only as being signed, by a signature over it. */
        private void signing(String label, COSDictionary field, COSObjectKey fieldKey, List<COSBase> widgets,
                Set<COSName> changed, Set<COSName> allowed) {
            COSBase value = field.getItem(COSName.V);
            Long end = value == null ? null : signatureEnd(deref(value));
            if (end == null) {
                mods.add(label + " was changed by a later revision without being signed (" + entries(changed)
                        + "): an unsigned field's appearance can paint over the page");
                return;
            }
            Set<COSName> other = new LinkedHashSet<>(changed);
            other.removeAll(allowed);
            if (!other.isEmpty()) {
                mods.add(label + " was signed by a later revision that also changed " + entries(other));
                return;
            }
            Set<COSObjectKey> parts = new LinkedHashSet<>();
            parts.add(fieldKey);
            parts.add(SignedRoles.key(value));
            for (COSBase w : widgets) {
                parts.add(SignedRoles.key(w));
            }
            for (Long n : closure(new COSObject(field, fieldKey), widgets)) {
                parts.add(added.get(n));
            }
            COSObjectKey outside = outside(parts, end);
            if (outside != null) {
                mods.add(label + " shows an appearance its signature does not sign (the signature covers the file "
                        + "up to byte " + end + "; " + describeNew(outside) + " comes after it)");
                return;
            }
            claim(field);
            widgets.forEach(this::claim);
            notes.add("a later revision signs " + label + " (that signature is verified and reported on its own)");
        }

        /** Validation data: its dictionaries and arrays may be rewritten; what they add is claimed. */
        private void validationData(COSBase before, COSBase after, COSObjectKey k) {
            boolean sameKind = before instanceof COSArray ? after instanceof COSArray
                    : before instanceof COSDictionary && !(before instanceof COSStream)
                            && after instanceof COSDictionary && !(after instanceof COSStream);
            if (!sameKind) {
                mods.add(describe(k) + " was replaced by a later revision by something that is not validation data");
                return;
            }
            notes.add("a later revision adds or updates validation data (/DSS)");
            claim(after);
        }

        /** Objects new after the signed revision: referred to by the signed objects, or unused. */
        private void addedObjects() {
            if (added.isEmpty()) {
                return;
            }
            // an object the signed revision already referred to, though it did not exist then, appears now
            Map<Long, COSObjectKey> dangling = new LinkedHashMap<>();
            for (COSObjectKey k : oldXref.keySet()) {
                references(resolve(old, k), n -> {
                    if (added.containsKey(n)) {
                        dangling.putIfAbsent(n, k);
                    }
                });
            }
            dangling.forEach((n, from) -> mods.add(describe(from) + " has a reference to object " + n + ", which "
                    + "the signed revision did not contain; a later revision added it (" + kind(resolve(now,
                    added.get(n))) + "), so it is now used"));
            int unused = 0;
            for (Map.Entry<Long, COSObjectKey> a : added.entrySet()) {
                COSBase o = resolve(now, a.getValue());
                if (!claimed.contains(a.getKey()) && !dangling.containsKey(a.getKey()) && !structural(o)) {
                    unused++;
                }
            }
            if (unused > 0) {
                notes.add(unused + " object(s) added after this signature are used by nothing in the document");
            }
        }

        // ---- helpers

        /** The end of the revision a signature dictionary signs, or null when it is not a real signature. */
        private static Long signatureEnd(COSBase v) {
            if (!(v instanceof COSDictionary sig) || v instanceof COSStream) {
                return null;
            }
            if (!(sig.getDictionaryObject(COSName.CONTENTS) instanceof COSString contents)) {
                return null;
            }
            boolean present = false;
            for (byte b : contents.getBytes()) {
                present |= b != 0;
            }
            if (!present || !(sig.getDictionaryObject(COSName.BYTERANGE) instanceof COSArray br) || br.size() != 4) {
                return null;
            }
            long[] n = new long[4];
            for (int i = 0; i < 4; i++) {
                if (!(br.getObject(i) instanceof COSNumber num) || num.longValue() < 0) {
                    return null;
                }
                n[i] = num.longValue();
            }
            return n[2] > Long.MAX_VALUE - n[3] ? null : n[2] + n[3];
        }

        /** The first of {@code keys} whose definition lies at or after {@code end}, or null. */
        private COSObjectKey outside(Set<COSObjectKey> keys, long end) {
            for (COSObjectKey k : keys) {
                if (k != null && offset(k.getNumber()) >= end) {
                    return k;
                }
            }
            return null;
        }

        /** Where an object's definition in this revision is written (its object stream's, when compressed). */
        private long offset(long number) {
            for (int hops = 0; hops < 2; hops++) {
                XrefChain.Entry e = entries.get(number);
                long v;
                if (e == null) {
                    COSObjectKey k = oldByNumber.get(number);
                    if (k == null) {
                        return Long.MAX_VALUE;
                    }
                    v = oldXref.get(k);
                } else if (e.kind() == XrefChain.Kind.FREE) {
                    return Long.MAX_VALUE;
                } else {
                    v = e.kind() == XrefChain.Kind.OFFSET ? e.value() : -e.value();
                }
                if (v >= 0) {
                    return v;
                }
                number = -v;
            }
            return Long.MAX_VALUE;
        }

        /** Empty signature field widgets that cannot paint: zero-size /Rect, or neither /AP nor /MK. */
        private static boolean invisible(COSBase widget) {
            if (!(widget instanceof COSDictionary w)) {
                return false;
            }
            if (w.getDictionaryObject(COSName.RECT) instanceof COSArray r && r.size() == 4) {
                float[] v = new float[4];
                boolean numbers = true;
                for (int i = 0; i < 4; i++) {
                    if (r.getObject(i) instanceof COSNumber n) {
                        v[i] = n.floatValue();
                    } else {
                        numbers = false;
                    }
                }
                if (numbers && (v[0] == v[2] || v[1] == v[3])) {
                    return true;
                }
            }
            return w.getItem(COSName.AP) == null && w.getItem(COSName.MK) == null;
        }

        /** The new objects reachable from a field and its widgets, without entering objects of the signed file. */
        private Set<Long> closure(COSBase field, List<COSBase> widgets) {
            Set<Long> seen = new LinkedHashSet<>();
            walk(field, seen);
            widgets.forEach(w -> walk(w, seen));
            return seen;
        }

        private void claim(COSBase root) {
            Set<Long> seen = new HashSet<>();
            walk(root, seen);
            claimed.addAll(seen);
        }

        private void claimOne(COSBase item) {
            COSObjectKey k = SignedRoles.key(item);
            if (k != null && added.containsKey(k.getNumber())) {
                claimed.add(k.getNumber());
            }
        }

        private void walk(COSBase root, Set<Long> seen) {
            Deque<COSBase> todo = new ArrayDeque<>();
            if (root instanceof COSObject o && !added.containsKey(number(o))) {
                root = o.getObject(); // an object of the signed file: what it holds now, not beyond
            }
            if (root == null) {
                return;
            }
            todo.push(root);
            int nodes = 0;
            while (!todo.isEmpty() && nodes++ < MAX_NODES) {
                COSBase b = todo.pop();
                if (b instanceof COSObject o) {
                    long n = number(o);
                    if (added.containsKey(n) && seen.add(n)) {
                        COSBase target = resolve(now, added.get(n));
                        if (target != null) {
                            todo.push(target);
                        }
                    } else if (o.getKey() == null && o.getObject() != null && !(o.getObject() instanceof COSObject)) {
                        todo.push(o.getObject()); // a wrapper around a direct object
                    }
                } else if (b instanceof COSDictionary d) {
                    d.getValues().forEach(todo::push);
                } else if (b instanceof COSArray a) {
                    for (int i = 0; i < a.size(); i++) {
                        todo.push(a.get(i));
                    }
                }
            }
        }

        private static void references(COSBase root, java.util.function.LongConsumer found) {
            Deque<COSBase> todo = new ArrayDeque<>();
            if (root != null) {
                todo.push(root);
            }
            int nodes = 0;
            while (!todo.isEmpty() && nodes++ < MAX_NODES) {
                COSBase b = todo.pop();
                if (b instanceof COSObject o) {
                    found.accept(number(o));
                } else if (b instanceof COSDictionary d) {
                    d.getValues().forEach(todo::push);
                } else if (b instanceof COSArray a) {
                    for (int i = 0; i < a.size(); i++) {
                        todo.push(a.get(i));
                    }
                }
            }
        }

        private String describe(COSObjectKey k) {
            String name = roles == null ? null : roles.names.get(k);
            if (name != null) {
                return name + " (object " + text(k) + ")";
            }
            return "object " + text(k) + " (" + kind(resolve(old, k)) + ")";
        }

        /** An object of this revision: named after its role in the signed one, or as new. */
        private String describeNew(COSObjectKey k) {
            return oldByNumber.containsKey(k.getNumber()) ? describe(k)
                    : "object " + text(k) + " (" + kind(resolve(now, k)) + ", added later)";
        }

        private String change(COSName k, COSBase before, COSBase after) {
            String entry = "entry /" + k.getName();
            if (after == null) {
                return entry + " was removed by a later revision";
            }
            if (before == null) {
                return entry + " was added by a later revision" + target(after);
            }
            return entry + " was changed by a later revision" + target(after);
        }

        private String target(COSBase after) {
            COSObjectKey k = SignedRoles.key(after);
            if (k == null) {
                return "";
            }
            return oldByNumber.containsKey(k.getNumber())
                    ? " (it now refers to object " + text(k) + ", which was already in the signed file)"
                    : " (it now refers to object " + text(k) + ", added later)";
        }

        private static String difference(COSBase before, COSBase after) {
            if (after == null) {
                return ": it is gone";
            }
            if (before instanceof COSDictionary b && after instanceof COSDictionary a
                    && before instanceof COSStream == after instanceof COSStream) {
                Set<COSName> changed = changed(b, a);
                changed.remove(COSName.LENGTH);
                if (changed.isEmpty() && a instanceof COSStream) {
                    return ": its data differs";
                }
                return a instanceof COSStream ? ": its data or its dictionary (" + entries(changed) + ") differ"
                        : ": " + entries(changed);
            }
            return ": it is now " + kind(after);
        }

        private static Set<COSName> changed(COSDictionary b, COSDictionary a) {
            Set<COSName> out = new LinkedHashSet<>();
            for (COSName k : union(b, a)) {
                if (!same(b.getItem(k), a.getItem(k), 0)) {
                    out.add(k);
                }
            }
            return out;
        }

        private static String entries(Set<COSName> names) {
            if (names.isEmpty()) {
                return "no entry, but its data";
            }
            StringBuilder sb = new StringBuilder(names.size() == 1 ? "entry " : "entries ");
            int i = 0;
            for (COSName n : names) {
                if (i++ == MAX_NAMED) {
                    sb.append(", ...");
                    break;
                }
                sb.append(i > 1 ? ", /" : "/").append(n.getName());
            }
            return sb.toString();
        }

        /** "[60 740 540 780]". */
        private static String numbers(COSArray a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) {
                COSBase v = a.getObject(i);
                sb.append(i == 0 ? "" : " ").append(v instanceof COSNumber n
                        ? (n.floatValue() == Math.rint(n.floatValue()) ? Long.toString((long) n.floatValue())
                                : Float.toString(n.floatValue()))
                        : "?");
            }
            return sb.append(']').toString();
        }

        private static Set<COSName> union(COSDictionary b, COSDictionary a) {
            Set<COSName> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            return keys;
        }

        private static String name(COSDictionary field) {
            return field.getItem(COSName.T) instanceof COSString t ? "'" + t.getString() + "'" : "(unnamed)";
        }

        private static boolean structural(COSBase o) {
            return isType(o, COSName.XREF) || isType(o, COSName.OBJ_STM);
        }
    }

    private static long number(COSObject o) {
        return o.getKey() == null ? -1 : o.getKey().getNumber();
    }

    private static boolean isType(COSBase o, COSName type) {
        return o instanceof COSStream s && type.equals(s.getCOSName(COSName.TYPE));
    }

    private static COSBase deref(COSBase b) {
        return SignedRoles.deref(b);
    }

    private static COSBase resolve(COSDocument doc, COSObjectKey key) {
        COSObject o = doc.getObjectFromPool(key);
        return o == null ? null : o.getObject();
    }

    private static String text(COSObjectKey k) {
        return k.getNumber() + " " + k.getGeneration();
    }

    private static String kind(COSBase o) {
        if (o instanceof COSDictionary d) {
            COSName type = d.getCOSName(COSName.TYPE);
            COSName sub = d.getCOSName(COSName.SUBTYPE);
            return (o instanceof COSStream ? "a stream" : "a dictionary") + (type == null ? "" : " /" + type.getName())
                    + (sub == null ? "" : " /" + sub.getName());
        }
        if (o instanceof COSArray) {
            return "an array";
        }
        return o == null ? "nothing" : "a " + o.getClass().getSimpleName().replace("COS", "").toLowerCase();
    }

    /** Equal, streams included (their dictionaries and raw bytes). */
    static boolean identical(COSBase a, COSBase b) throws IOException {
        if (a instanceof COSStream sa && b instanceof COSStream sb) {
            if (!same(dictionaryOf(sa), dictionaryOf(sb), 0) || sa.getLength() != sb.getLength()) {
                return false;
            }
            try (InputStream x = sa.createRawInputStream(); InputStream y = sb.createRawInputStream()) {
                byte[] bx = new byte[64 * 1024];
                byte[] by = new byte[64 * 1024];
                while (true) {
                    int n = x.readNBytes(bx, 0, bx.length);
                    int m = y.readNBytes(by, 0, n == 0 ? 1 : n);
                    if (n != m || !Arrays.equals(bx, 0, n, by, 0, m)) {
                        return false;
                    }
                    if (n == 0) {
                        return true;
                    }
                }
            }
        }
        return same(a, b, 0);
    }

    private static COSDictionary dictionaryOf(COSStream s) {
        COSDictionary d = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : s.entrySet()) {
            d.setItem(e.getKey(), e.getValue());
        }
        return d;
    }

    /** Structural equality; references compare by object number and generation, not by what they point to. */
    static boolean same(COSBase a, COSBase b, int depth) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || depth > MAX_DEPTH) {
            return false;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            if (!(a instanceof COSObject x) || !(b instanceof COSObject y)) {
                return false;
            }
            return Objects.equals(x.getKey(), y.getKey()) && (x.getKey() != null || x.getObject() == y.getObject());
        }
        if (a instanceof COSStream || b instanceof COSStream) {
            return false;
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            if (!da.keySet().equals(db.keySet())) {
                return false;
            }
            for (COSName k : da.keySet()) {
                if (!same(da.getItem(k), db.getItem(k), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSArray aa && b instanceof COSArray ab) {
            if (aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i), ab.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa && b instanceof COSString sb) {
            return Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        return Objects.equals(a, b);
    }
}
