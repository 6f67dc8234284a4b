package vn.egov.sdk.edxml;

import vn.egov.sdk.edxml.internal.Values;
import vn.egov.sdk.core.ValidationException;

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
    /**
     * Normalises nulls; the content is required.
     *
     * @param contentId {@code ContentId}, {@code cid:<id>}, matching a manifest {@link Reference}
     * @param name {@code AttachmentName}
     * @param description {@code Description}
     * @param contentType {@code ContentType} (the VNPT library sends {@code application/zip} holding the real file)
     * @param content the decoded bytes
     */
    public Attachment {
        contentId = Values.text(contentId);
        name = Values.text(name);
        description = Values.text(description);
        contentType = Values.text(contentType);
        ValidationException.requireNonNull(content, "Attachment.content");
    }

    /**
     * Whether the bytes are a ZIP wrapping the real file, as the VNPT library sends them.
     *
     * @return {@code true} if the content type is a ZIP type, so {@link ZipAttachments#unwrap(Attachment)}
     *     gives the real files
     */
    public boolean isZipWrapped() {
        return contentType.equalsIgnoreCase("application/zip") || contentType.equalsIgnoreCase("application/x-zip-compressed");
    }
}
