package vn.egov.sdk.edxml.internal;

import java.util.List;
import java.util.function.Function;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.EdXmlValidator.Limit;
import vn.egov.sdk.edxml.Reference;
import vn.egov.sdk.edxml.Violation.Kind;

/**
 * The rules linking {@code edXMLManifest/Reference} and {@code AttachmentEncoded/Attachment}: every content id is
 * present, unique on its side and found exactly once on the other side; names are present and not too long.
 */
public final class RuleManifest {
    /** Path of the manifest entries. */
    static final String REFERENCE = "Manifest.Reference";
    /** Path of the attachments. */
    static final String ATTACHMENT = "Attachments";

    private RuleManifest() {
    }

    /**
     * Checks the manifest against the attachments and both against the field rules.
     *
     * @param manifest the manifest entries
     * @param attachments the attachments
     * @param ctx the run
     */
    public static void check(List<Reference> manifest, List<Attachment> attachments, ValidationContext ctx) {
        List<String> refIds = manifest.stream().map(r -> r.contentId().strip()).toList();
        List<String> attIds = attachments.stream().map(a -> a.contentId().strip()).toList();
        for (int i = 0; i < manifest.size(); i++) {
            String path = ValidationContext.indexed(REFERENCE, i);
            side(refIds, i, path, attIds, "Attachment", ctx);
            name(manifest.get(i), Reference::attachmentName, path, ctx);
        }
        for (int i = 0; i < attachments.size(); i++) {
            String path = ValidationContext.indexed(ATTACHMENT, i);
            side(attIds, i, path, refIds, "manifest Reference", ctx);
            name(attachments.get(i), Attachment::name, path, ctx);
        }
    }

    private static void side(List<String> own, int i, String path, List<String> other, String otherName,
            ValidationContext ctx) {
        String id = own.get(i);
        if (!ctx.required(id, path + ".ContentId")) {
            return;
        }
        if (!id.regionMatches(true, 0, "cid:", 0, 4)) {
            ctx.warning(Kind.MALFORMED, path + ".ContentId", path + ".ContentId '" + id + "' should start with cid:");
        }
        int first = own.indexOf(id);
        if (first < i) {
            ctx.error(Kind.MALFORMED, path, path + " repeats ContentId '" + id + "' of "
                    + ValidationContext.indexed(path.substring(0, path.indexOf('[')), first));
            return;
        }
        long matches = other.stream().filter(id::equals).count();
        if (matches != 1) {
            ctx.error(Kind.MALFORMED, path, path + " ContentId '" + id + "' matches " + matches + " " + otherName
                    + "(s); exactly one is required");
        }
    }

    private static <T> void name(T element, Function<T, String> name, String path, ValidationContext ctx) {
        String value = name.apply(element);
        ctx.required(value, path + ".AttachmentName");
        ctx.maxLength(value, Limit.ATTACHMENT_NAME, path + ".AttachmentName");
    }
}
