package vn.egov.sdk.edxml;

import java.util.Objects;
import vn.egov.sdk.edxml.internal.Values;

/**
 * An attachment of a document package ({@code AttachmentEncoded/Attachment}); on the wire its bytes are base64 in
 * {@code ContentTransferEncoded}, here they are decoded in an {@link AttachmentContent}.
 *
 * @param contentId {@code ContentId}, {@code cid:<id>}, matching a manifest {@link Reference}
 * @param name {@code AttachmentName}
 * @param description {@code Description}
 * @param contentType {@code ContentType} (the VNPT library sends {@code application/zip} holding the real file)
 * @param content the decoded bytes
 */
public record Attachment(String contentId, String name, String description, String contentType,
        AttachmentContent content) {
    /** Normalises nulls; the content is required. */
    public Attachment {
        contentId = Values.text(contentId);
        name = Values.text(name);
        description = Values.text(description);
        contentType = Values.text(contentType);
        Objects.requireNonNull(content, "content");
    }

    /** Whether the bytes are a ZIP wrapping the real file, as the VNPT library sends them. */
    public boolean isZipWrapped() {
        return contentType.equalsIgnoreCase("application/zip") || contentType.equalsIgnoreCase("application/x-zip-compressed");
    }
}
