package vn.egov.sdk.edxml;

import java.util.Map;
import vn.egov.sdk.edxml.internal.Values;

/**
 * A manifest entry ({@code edXMLManifest/Reference}) pointing at an attachment by content id.
 *
 * @param contentId {@code ContentId}, {@code cid:<id>}
 * @param contentType {@code ContentType}
 * @param description {@code Description}
 * @param attachmentName {@code AttachmentName}
 * @param attributes attributes some senders add ({@code xlink:href}, {@code xlink:type}), by qualified name
 */
public record Reference(String contentId, String contentType, String description, String attachmentName,
        Map<String, String> attributes) {
    /**
     * Normalises nulls.
     *
     * @param contentId {@code ContentId}, {@code cid:<id>}
     * @param contentType {@code ContentType}
     * @param description {@code Description}
     * @param attachmentName {@code AttachmentName}
     * @param attributes attributes some senders add ({@code xlink:href}, {@code xlink:type}), by qualified name
     */
    public Reference {
        contentId = Values.text(contentId);
        contentType = Values.text(contentType);
        description = Values.text(description);
        attachmentName = Values.text(attachmentName);
        attributes = Values.attributes(attributes);
    }

    /**
     * The manifest entry describing an attachment.
     *
     * @param attachment the attachment to describe
     * @return a reference with the attachment's content id, name, description and content type
     */
    public static Reference of(Attachment attachment) {
        return new Reference(attachment.contentId(), attachment.contentType(), attachment.description(),
                attachment.name(), Map.of());
    }
}
