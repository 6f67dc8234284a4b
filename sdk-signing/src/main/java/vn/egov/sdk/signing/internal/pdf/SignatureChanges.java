package vn.egov.sdk.signing.internal.pdf;

import static vn.egov.sdk.signing.internal.pdf.CosObjects.MAX_DEPTH;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.changed;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.deref;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.entries;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.invisible;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.name;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.numbers;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.resolve;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.same;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.signatureEnd;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * The signature fields and widgets of a later revision: the form's field list and a page's annotations may grow by
 * a real signature over its own appearance or by an empty field that cannot paint, and an empty field of the signed
 * revision may be signed; anything else is a modification.
 */
final class SignatureChanges {
    private static final Set<COSName> SIGNING_FIELD_ALLOWED = Set.of(COSName.V, COSName.AP, COSName.AS, COSName.F,
            COSName.getPDFName("Lock"), COSName.getPDFName("SV"), COSName.MK, COSName.RECT, COSName.P,
            COSName.DA);
    private static final Set<COSName> SIGNING_WIDGET_ALLOWED = Set.of(COSName.AP, COSName.AS, COSName.F,
            COSName.MK, COSName.RECT, COSName.P, COSName.DA);

    private final RevisionLedger ledger;
    private final Set<COSDictionary> judgedFields = Collections.newSetFromMap(new IdentityHashMap<>());

    SignatureChanges(RevisionLedger ledger) {
        this.ledger = ledger;
    }

    /** A field or annotation list may only keep its entries, in order, and add allowed signature fields. */
    void growth(COSBase before, COSBase after, String what, Integer page, COSObjectKey... containers) {
        String where = page == null ? "" : " on page " + page;
        COSArray b = before instanceof COSArray x ? x : new COSArray();
        if (!(after instanceof COSArray a)) {
            if (before != null) {
                ledger.mods.add("the list of " + what + "s" + where + " was removed by a later revision");
            }
            return;
        }
        if (a.size() < b.size()) {
            ledger.mods.add((b.size() - a.size()) + " " + what + "(s)" + where + " were removed by a later revision");
        }
        for (int i = 0; i < a.size(); i++) {
            if (i < b.size()) {
                if (!same(b.get(i), a.get(i), 0)) {
                    COSObjectKey gone = SignedRoles.key(b.get(i));
                    ledger.mods.add((gone == null ? "a " + what + where : ledger.describe(gone))
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
            ledger.mods.add("an entry that is not an annotation was added to page " + page + ref);
            return;
        }
        if (!COSName.WIDGET.equals(w.getCOSName(COSName.SUBTYPE))) {
            COSName sub = w.getCOSName(COSName.SUBTYPE);
            ledger.mods.add("an annotation that is not a signature (/" + (sub == null ? "?" : sub.getName())
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
            ledger.mods.add("a widget of a form field that is not a signature (" + name(field) + ref + ") was added on "
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
            ledger.mods.add("an entry that is not a form field was added to the form's field list"
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
                ledger.claimOne(item);
                return;
            }
        } else {
            widgets.add(item);
        }
        if (!judgedFields.add(f)) {
            return;
        }
        if (!COSName.SIG.equals(SignedRoles.inheritedType(f))) {
            ledger.mods.add("a form field that is not a signature (" + name(f) + (k == null ? "" : ", object "
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
            ledger.mods.add("signature field " + label + on + " was added with a value that is not a signature "
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
            for (Long n : ledger.closure(fieldItem, widgets)) {
                parts.add(ledger.added.get(n));
            }
            COSObjectKey outside = ledger.outside(parts, end);
            if (outside != null) {
                ledger.mods.add("signature field " + label + on + " shows an appearance its signature does not sign "
                        + "(the signature covers the file up to byte " + end + "; " + ledger.describeNew(outside)
                        + " comes after it)");
                return;
            }
            ledger.claim(fieldItem);
            widgets.forEach(ledger::claim);
            if (page != null && widgets.stream().anyMatch(w -> !invisible(deref(w)))) {
                ledger.notes.add("a later revision adds signature " + label + " with a visible appearance" + on
                        + " (that signature is verified and reported on its own)");
            }
            return;
        }
        for (COSBase w : widgets) {
            if (!invisible(deref(w))) {
                COSBase rect = deref(w) instanceof COSDictionary d ? d.getDictionaryObject(COSName.RECT) : null;
                ledger.mods.add("an unsigned signature field " + label + on + " with a visible appearance"
                        + (rect instanceof COSArray r ? " at " + numbers(r) : "") + " was added by a later "
                        + "revision: it can paint over the page without anyone signing it");
                return;
            }
        }
        ledger.claim(fieldItem);
        widgets.forEach(ledger::claim);
        ledger.emptyFields.add(label);
    }

    /** A signature field of the signed revision rewritten: only an empty one being really signed may change. */
    void signatureField(COSBase before, COSBase after, COSObjectKey k) {
        String label = ledger.roles.names.getOrDefault(k, "signature field " + text(k));
        if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream) {
            ledger.mods.add(label + " was replaced by a later revision");
            return;
        }
        Set<COSName> changed = changed(b, a);
        if (b.getItem(COSName.V) != null) {
            ledger.mods.add(label + ", already signed, was changed by a later revision ("
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

    void signatureWidget(COSBase before, COSBase after, COSObjectKey k, COSObjectKey fieldKey) {
        String label = ledger.roles.names.getOrDefault(k, "a signature widget " + text(k));
        if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream
                || !(resolve(ledger.now, fieldKey) instanceof COSDictionary field)) {
            ledger.mods.add(label + " was replaced by a later revision");
            return;
        }
        if (resolve(ledger.old, fieldKey) instanceof COSDictionary was && was.getItem(COSName.V) != null) {
            ledger.mods.add(label + ", already signed, was changed by a later revision (" + entries(changed(b, a))
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
            ledger.mods.add(label + " was changed by a later revision without being signed (" + entries(changed)
                    + "): an unsigned field's appearance can paint over the page");
            return;
        }
        Set<COSName> other = new LinkedHashSet<>(changed);
        other.removeAll(allowed);
        if (!other.isEmpty()) {
            ledger.mods.add(label + " was signed by a later revision that also changed " + entries(other));
            return;
        }
        Set<COSObjectKey> parts = new LinkedHashSet<>();
        parts.add(fieldKey);
        parts.add(SignedRoles.key(value));
        for (COSBase w : widgets) {
            parts.add(SignedRoles.key(w));
        }
        for (Long n : ledger.closure(new COSObject(field, fieldKey), widgets)) {
            parts.add(ledger.added.get(n));
        }
        COSObjectKey outside = ledger.outside(parts, end);
        if (outside != null) {
            ledger.mods.add(label + " shows an appearance its signature does not sign (the signature covers the file "
                    + "up to byte " + end + "; " + ledger.describeNew(outside) + " comes after it)");
            return;
        }
        ledger.claim(field);
        widgets.forEach(ledger::claim);
        ledger.notes.add("a later revision signs " + label + " (that signature is verified and reported on its own)");
    }
}
