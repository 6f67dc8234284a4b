package vn.egov.sdk.edxml;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the reader streams attachment bytes when the caller wants them itself (to object storage, a database, a
 * virus scanner) instead of in memory or temporary files.
 */
@FunctionalInterface
public interface AttachmentSink {
    /**
     * Opens the destination of one attachment. The reader writes the decoded bytes and closes the stream.
     *
     * @param contentId the attachment's {@code ContentId}
     * @param name its {@code AttachmentName} (the reader may not have seen it yet: elements can come in any order,
     *        so it can be "")
     * @return where the bytes go
     * @throws IOException if the destination cannot be opened
     */
    OutputStream open(String contentId, String name) throws IOException;
}
