package vn.egov.sdk.edxml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A package produced on the fly, never held in memory: a small header, then an attachment of {@code base64Chars}
 * characters of 'A' (base64 of zero bytes), then the closing tags. For size and memory tests.
 */
final class GeneratedPackageStream extends InputStream {
    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
            + "<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLHeader>"
            + "<edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>"
            + "<edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>"
            + "<edXML:DocumentId>000.00.00.G22,2026/11/20,1/VPCP-TEST</edXML:DocumentId></edXML:MessageHeader>"
            + "<edXML:TraceHeaderList><edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType>"
            + "</edXML:Bussiness></edXML:TraceHeaderList></edXML:edXMLHeader><edXML:edXMLBody>"
            + "<edXML:edXMLManifest version=\"1.0\"><edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId>"
            + "<edXML:ContentType>application/octet-stream</edXML:ContentType>"
            + "<edXML:AttachmentName>big.bin</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest>"
            + "</edXML:edXMLBody></edXML:edXMLEnvelope><AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
            + "<AttachmentName>big.bin</AttachmentName><ContentType>application/octet-stream</ContentType>"
            + "<edXML:ContentTransferEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">";
    static final String TAIL = "</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";

    private final byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
    private final byte[] tail = TAIL.getBytes(StandardCharsets.UTF_8);
    private final long bodyChars;
    private long pos;

    GeneratedPackageStream(long base64Chars) {
        this.bodyChars = base64Chars;
    }

    private long total() {
        return head.length + bodyChars + tail.length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= total()) {
            return -1;
        }
        int n = 0;
        while (n < len && pos < total()) {
            if (pos < head.length) {
                int k = (int) Math.min(len - n, head.length - pos);
                System.arraycopy(head, (int) pos, b, off + n, k);
                n += k;
                pos += k;
            } else if (pos < head.length + bodyChars) {
                int k = (int) Math.min(len - n, head.length + bodyChars - pos);
                Arrays.fill(b, off + n, off + n + k, (byte) 'A');
                n += k;
                pos += k;
            } else {
                int at = (int) (pos - head.length - bodyChars);
                int k = Math.min(len - n, tail.length - at);
                System.arraycopy(tail, at, b, off + n, k);
                n += k;
                pos += k;
            }
        }
        return n;
    }
}
