package vn.egov.sdk.signing.internal.pdf;

import static vn.egov.sdk.signing.internal.pdf.CosObjects.MAX_NODES;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.kind;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.number;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.resolve;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One later revision beside the signed one, and what its comparison found so far: the documents and cross-reference
 * data of both, the objects the revision adds and those an allowed change accounts for, the modifications, notes
 * and empty fields found, and how objects are named in them.
 */
final class RevisionLedger {
    final COSDocument old;
    final COSDocument now;
    final PDDocument signed;
    final XrefChain.Section section;
    final long revisionEnd;
    final Map<Long, XrefChain.Entry> entries;
    final Map<COSObjectKey, Long> oldXref;
    final Map<COSObjectKey, Long> newXref;
    /** The signed revision's objects by number (the highest generation). */
    final Map<Long, COSObjectKey> oldByNumber = new HashMap<>();
    /** The objects this revision adds, by number. */
    final Map<Long, COSObjectKey> added = new TreeMap<>();
    /** The added objects an allowed change accounts for. */
    final Set<Long> claimed = new HashSet<>();
    final Set<String> mods = new LinkedHashSet<>();
    final Set<String> notes = new LinkedHashSet<>();
    final Set<String> emptyFields = new LinkedHashSet<>();
    /** The signed revision's objects by role; set once the cross-reference data is found consistent. */
    SignedRoles roles;

    RevisionLedger(PDDocument signed, PDDocument latest, XrefChain.Section section, long revisionEnd) {
        this.signed = signed;
        this.revisionEnd = revisionEnd;
        this.old = signed.getDocument();
        this.now = latest.getDocument();
        this.section = section;
        this.entries = section.entries();
        this.oldXref = old.getXrefTable();
        this.newXref = now.getXrefTable();
    }

    /** What was found, as the analyzer keeps it. */
    ChangeAnalyzer.Step result() {
        return new ChangeAnalyzer.Step(List.copyOf(mods), List.copyOf(notes), List.copyOf(emptyFields));
    }

    /** The first of {@code keys} whose definition lies at or after {@code end}, or null. */
    COSObjectKey outside(Set<COSObjectKey> keys, long end) {
        for (COSObjectKey k : keys) {
            if (k != null && offset(k.getNumber()) >= end) {
                return k;
            }
        }
        return null;
    }

    /** Where an object's definition in this revision is written (its object stream's, when compressed). */
    long offset(long number) {
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

    /** The new objects reachable from a field and its widgets, without entering objects of the signed file. */
    Set<Long> closure(COSBase field, List<COSBase> widgets) {
        Set<Long> seen = new LinkedHashSet<>();
        walk(field, seen);
        widgets.forEach(w -> walk(w, seen));
        return seen;
    }

    /** Accounts for the added objects reachable from {@code root}: an allowed change uses them. */
    void claim(COSBase root) {
        Set<Long> seen = new HashSet<>();
        walk(root, seen);
        claimed.addAll(seen);
    }

    /** Accounts for {@code item} alone, when it refers to an added object. */
    void claimOne(COSBase item) {
        COSObjectKey k = SignedRoles.key(item);
        if (k != null && added.containsKey(k.getNumber())) {
            claimed.add(k.getNumber());
        }
    }

    /** Collects into {@code seen} the added objects reachable from {@code root}. */
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

    /** An object of the signed revision, named after its role there, or by number and kind. */
    String describe(COSObjectKey k) {
        String name = roles == null ? null : roles.names.get(k);
        if (name != null) {
            return name + " (object " + text(k) + ")";
        }
        return "object " + text(k) + " (" + kind(resolve(old, k)) + ")";
    }

    /** An object of this revision: named after its role in the signed one, or as new. */
    String describeNew(COSObjectKey k) {
        return oldByNumber.containsKey(k.getNumber()) ? describe(k)
                : "object " + text(k) + " (" + kind(resolve(now, k)) + ", added later)";
    }

    /** A dictionary entry removed, added or changed, and what it now refers to. */
    String change(COSName k, COSBase before, COSBase after) {
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
}
