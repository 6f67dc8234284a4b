package vn.egov.sdk.edxml;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import vn.egov.sdk.core.EgovException;

/**
 * Run in a JVM with a 64 MB heap by {@link EdXmlBoundedMemoryTest}: reads one generated hostile (or large but
 * legitimate) package, produced on the fly and never held in memory, with the default options. Prints one line:
 * {@code REFUSED <exception>: <message>} or {@code ACCEPTED <attachments>}; exit 0 for either, 2 for an
 * OutOfMemoryError, 1 for anything else.
 */
public final class HostileInputMain {
    static final String NS = EdXmlNames.NAMESPACE;
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"" + NS + "\">"
            + "<edXML:edXMLEnvelope xmlns:edXML=\"" + NS + "\"><edXML:edXMLHeader><edXML:MessageHeader>"
            + "<edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>";
    private static final String HEADER_END = "<edXML:DocumentId>000.00.00.G22,2026/11/20,1/VPCP-T</edXML:DocumentId>"
            + "</edXML:MessageHeader><edXML:TraceHeaderList><edXML:Bussiness><edXML:BussinessDocType>0"
            + "</edXML:BussinessDocType></edXML:Bussiness></edXML:TraceHeaderList></edXML:edXMLHeader>"
            + "</edXML:edXMLEnvelope>";
    private static final String END = "</edXML>";

    private HostileInputMain() {
    }

    /** The cases, by name. */
    static InputStream input(String name) {
        return switch (name) {
            case "emptyHeaderElements" -> repeat(HEAD, "<x/>", 6_000_000, HEADER_END + END);
            case "elementsWithAttributes" -> repeat(HEAD, "<x a=\"1\" b=\"2\" c=\"3\"/>", 2_000_000, HEADER_END + END);
            case "toEntries" -> repeat(HEAD, "<edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>",
                    1_000_000, HEADER_END + END);
            case "elementsWithinTheTextBudget" -> repeat(HEAD, "<e>t</e>", 1_000_000, HEADER_END + END);
            case "deepNesting" -> nested(200_000);
            case "hugeHeaderText" -> repeat(HEAD + "<edXML:Subject>", "xxxxxxxxxxxxxxxx", 4_000_000,
                    "</edXML:Subject>" + HEADER_END + END);
            case "hugeAttributeValue" -> repeat(HEAD + "<x a=\"", "yyyyyyyyyyyyyyyy", 4_000_000, "\"/>" + HEADER_END
                    + END);
            case "hugeComment" -> repeat(HEAD + "<!--", "zzzzzzzzzzzzzzzz", 4_000_000, "-->" + HEADER_END + END);
            case "hugeAttachmentDescription" -> repeat(HEAD + HEADER_END + "<AttachmentEncoded><Attachment>"
                    + "<Description>", "dddddddddddddddd", 4_000_000, "</Description><ContentTransferEncoded>QUJD"
                    + "</ContentTransferEncoded></Attachment></AttachmentEncoded>" + END);
            case "namespaceFlood" -> namespaceFlood(9_000, 70_000);
            case "tinyAttachments" -> repeat(HEAD + HEADER_END + "<AttachmentEncoded>", "<Attachment><ContentId>c"
                    + "</ContentId><ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>", 70_000,
                    "</AttachmentEncoded>" + END);
            case "manyMegabyteAttachments" -> repeat(HEAD + HEADER_END + "<AttachmentEncoded>",
                    "<Attachment><ContentId>c</ContentId><ContentTransferEncoded>" + "A".repeat(1024 * 1024 / 3 * 4)
                            + "</ContentTransferEncoded></Attachment>", 400, "</AttachmentEncoded>" + END);
            case "twoGigabyteAttachment" -> new GeneratedPackageStream((2L << 30) / 3 * 4);
            case "largeAttachment" -> repeat(HEAD + HEADER_END + "<AttachmentEncoded><Attachment><ContentId>c"
                    + "</ContentId><ContentTransferEncoded>", "AAAA".repeat(4096), 200L * 1024 * 1024 / 3 / 4096,
                    "</ContentTransferEncoded></Attachment></AttachmentEncoded>" + END);
            case "largeAttachmentUtf16" -> utf16(repeat(HEAD + HEADER_END + "<AttachmentEncoded><Attachment>"
                    + "<ContentId>c</ContentId><ContentTransferEncoded>", "AAAA\n".repeat(4096), 50L * 1024 * 1024 / 3
                    / 4096, "</ContentTransferEncoded></Attachment></AttachmentEncoded>" + END));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Entry point: the case name. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        try (EdXmlPackage pkg = EdXml.read(input(args[0]))) {
            int n = pkg instanceof DocumentPackage d ? d.attachments().size() : 0;
            System.out.println("ACCEPTED " + n + " attachment(s) in " + ms(start) + " ms");
            System.exit(0);
        } catch (EgovException e) {
            System.out.println("REFUSED " + e.getClass().getSimpleName() + " in " + ms(start) + " ms: "
                    + e.getMessage());
            System.exit(0);
        } catch (OutOfMemoryError e) {
            System.out.println("OOM");
            System.exit(2);
        } catch (Throwable t) {
            System.out.println("UNTYPED " + t);
            System.exit(1);
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static InputStream nested(int depth) {
        return new Pieces(new Part(HEAD, 1), new Part("<a>", depth), new Part("</a>", depth),
                new Part(HEADER_END + END, 1));
    }

    private static InputStream namespaceFlood(int declarations, int attachments) {
        StringBuilder root = new StringBuilder("<?xml version=\"1.0\"?><edXML xmlns=\"" + NS + "\"");
        for (int i = 0; i < declarations; i++) {
            root.append(" xmlns:p").append(i).append("=\"urn:").append(i).append('"');
        }
        root.append('>');
        String rest = HEAD.substring(HEAD.indexOf("<edXML:edXMLEnvelope")) + HEADER_END + "<AttachmentEncoded>";
        return new Pieces(new Part(root + rest, 1), new Part("<Attachment><ContentId>c</ContentId>"
                + "<ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>", attachments),
                new Part("</AttachmentEncoded>" + END, 1));
    }

    static InputStream repeat(String head, String unit, long times, String tail) {
        return new Pieces(new Part(head, 1), new Part(unit, times), new Part(tail, 1));
    }

    private static InputStream utf16(InputStream in) {
        return new Transcoded(in, StandardCharsets.UTF_16BE);
    }

    /** A piece of text repeated. */
    record Part(String text, long times) {
    }

    /** Parts one after another, as UTF-8. */
    static final class Pieces extends InputStream {
        private final byte[][] units;
        private final long[] times;
        private int part;
        private long done;
        private int at;

        Pieces(Part... parts) {
            units = new byte[parts.length][];
            times = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                units[i] = parts[i].text().getBytes(StandardCharsets.UTF_8);
                times[i] = parts[i].times();
            }
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len && part < units.length) {
                byte[] u = units[part];
                int k = Math.min(len - n, u.length - at);
                System.arraycopy(u, at, b, off + n, k);
                n += k;
                at += k;
                if (at == u.length) {
                    at = 0;
                    if (++done == times[part]) {
                        done = 0;
                        part++;
                    }
                }
            }
            return n == 0 ? -1 : n;
        }
    }

    /** ASCII/UTF-8 input re-encoded on the fly (ASCII only), with the declaration's encoding rewritten. */
    private static final class Transcoded extends InputStream {
        private final InputStream in;
        private final Charset charset;
        private byte[] pending = new byte[0];
        private int at;
        private boolean first = true;

        Transcoded(InputStream in, Charset charset) {
            this.in = in;
            this.charset = charset;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (at == pending.length) {
                byte[] raw = new byte[8192];
                int n = in.read(raw);
                if (n < 0) {
                    return -1;
                }
                String s = new String(raw, 0, n, StandardCharsets.ISO_8859_1);
                if (first) {
                    s = s.replace("UTF-8", "UTF-16BE");
                    first = false;
                }
                pending = s.getBytes(charset);
                at = 0;
            }
            int k = Math.min(len, pending.length - at);
            System.arraycopy(pending, at, b, off, k);
            at += k;
            return k;
        }
    }
}
