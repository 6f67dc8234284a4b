package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import vn.egov.sdk.signing.cms.CmsVerifier;

/**
 * The outer shape of a signature file, checked before the SDK's verifier so that a truncated or foreign file is
 * reported as unreadable input (exit 3), not as an invalid signature: a CMS is one complete DER (or PEM) object, a
 * PDF starts with {@code %PDF-} and ends with {@code %%EOF}. Everything inside is the verifier's.
 */
final class InputShapes {
    private static final int PDF_TAIL = 1024;

    private InputShapes() {
    }

    /**
     * The bytes of a CMS file: DER, or PEM ({@code -----BEGIN PKCS7-----} or {@code CMS}) decoded, checked to hold
     * the whole outer SEQUENCE its length announces.
     *
     * @param file the signature file
     * @return its DER bytes
     * @throws UnreadableInputException if it is empty, over the verifier's limit, not a DER SEQUENCE or truncated
     */
    static byte[] completeDer(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) CmsVerifier.DEFAULT_MAX_INPUT_BYTES + 1);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > CmsVerifier.DEFAULT_MAX_INPUT_BYTES) {
            throw new UnreadableInputException(file + " is over " + CmsVerifier.DEFAULT_MAX_INPUT_BYTES / (1024 * 1024)
                    + " MiB, the largest CMS signature read", null);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
        if (head.startsWith("-----BEGIN ")) {
            bytes = pem(file, new String(bytes, StandardCharsets.ISO_8859_1));
        }
        if (bytes.length < 2 || bytes[0] != 0x30) {
            throw new UnreadableInputException(file + " is not a CMS signature (not a DER SEQUENCE)", null);
        }
        int first = bytes[1] & 0xff;
        if (first == 0x80) {
            if (bytes.length < 4 || bytes[bytes.length - 1] != 0 || bytes[bytes.length - 2] != 0) {
                throw new UnreadableInputException(file + " is truncated: its indefinite-length CMS has no end", null);
            }
            return bytes;
        }
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int n = first & 0x7f;
            if (n > 4 || bytes.length < 2 + n) {
                throw new UnreadableInputException(file + " is not a CMS signature (bad DER length)", null);
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | bytes[2 + i] & 0xff;
            }
            header = 2 + n;
        }
        if (header + length > bytes.length) {
            throw new UnreadableInputException(file + " is truncated: its CMS announces " + (header + length)
                    + " bytes, the file has " + bytes.length, null);
        }
        return bytes;
    }

    private static byte[] pem(Path file, String text) {
        int begin = text.indexOf('\n');
        int end = text.indexOf("-----END ");
        if (begin < 0 || end < begin) {
            throw new UnreadableInputException(file + " is truncated PEM (no END line)", null);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin + 1, end));
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(file + " is not valid PEM: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a file looks like a whole PDF: {@code %PDF-} in its first 1 KiB, {@code %%EOF} in its last.
     *
     * @param file the PDF
     * @throws UnreadableInputException if it does not
     */
    static void completePdf(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(size, PDF_TAIL));
            while (head.hasRemaining() && ch.read(head) > 0) {
                // read the head
            }
            if (!latin1(head).contains("%PDF-")) {
                throw new UnreadableInputException(file + " is not a PDF (no %PDF- header)", null);
            }
            ch.position(Math.max(0, size - PDF_TAIL));
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(size, PDF_TAIL));
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // read the tail
            }
            if (!latin1(tail).contains("%%EOF")) {
                throw new UnreadableInputException(file + " is truncated: no %%EOF at the end of the PDF", null);
            }
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String latin1(java.nio.ByteBuffer buffer) {
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }
}
