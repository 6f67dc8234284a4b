package vn.egov.sdk.edxml.internal;

import java.util.Set;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.EdXmlFormatException;

/** The children of one {@code Attachment} element as the reader meets them, in any order. */
final class AttachmentFields {
    /** The element that carries the base64 content. */
    static final String CONTENT = "ContentTransferEncoded";
    private static final Set<String> LEAVES = Set.of("ContentId", "AttachmentName", "Description", "ContentType");

    private final String path;
    private final boolean strict;
    private String contentId = "";
    private String name = "";
    private String description = "";
    private String contentType = "";
    private AttachmentContent content;

    AttachmentFields(String path, boolean strict) {
        this.path = path;
        this.strict = strict;
    }

    static boolean isLeaf(String local) {
        return LEAVES.contains(local);
    }

    String path(String child) {
        return path + "." + child;
    }

    void leaf(String local, String text) {
        switch (local) {
            case "ContentId" -> contentId = text;
            case "AttachmentName" -> name = text;
            case "Description" -> description = text;
            default -> contentType = text;
        }
    }

    String contentId() {
        return contentId;
    }

    String name() {
        return name;
    }

    /** Refuses a second content element before it is decoded. */
    void expectContent() {
        if (content != null) {
            throw new EdXmlFormatException(path, "more than one " + CONTENT, null);
        }
    }

    void content(AttachmentContent value) {
        this.content = value;
    }

    /** An element this reader does not know: refused when strict, else the caller skips it. */
    void unknown(String local) {
        if (strict) {
            throw new EdXmlFormatException(path(local), "unknown element (strict reading)", null);
        }
    }

    Attachment build() {
        if (content == null) {
            throw new EdXmlFormatException(path(CONTENT), "element is missing", null);
        }
        return new Attachment(contentId, name, description, contentType, content);
    }
}
