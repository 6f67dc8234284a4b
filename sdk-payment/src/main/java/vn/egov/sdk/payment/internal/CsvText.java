package vn.egov.sdk.payment.internal;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import vn.egov.sdk.payment.PlatformTransactionFormatException;

/** What the reconciliation CSV reader and writers share: the mapper, the zone and time format, strict UTF-8. */
public final class CsvText {
    /** Wire times of the payment systems: {@code yyyyMMddHHmmss}, 24-hour, Asia/Ho_Chi_Minh. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The {@code yyyyMMddHHmmss} format, strict (no 12-hour clock, no 31 February). */
    public static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZONE);

    private CsvText() {
    }

    /**
     * A new mapper: rows as arrays of text, empty lines skipped, values quoted only when they must be.
     *
     * @return the mapper
     */
    public static CsvMapper mapper() {
        return CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    }

    /**
     * Decodes strict UTF-8 (a byte-order mark dropped); a malformed byte is an error naming its line and column.
     *
     * @param bytes the input
     * @return the text
     * @throws PlatformTransactionFormatException when the bytes are not UTF-8
     */
    public static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new PlatformTransactionFormatException(line, 0, "",
                    "not UTF-8: a malformed byte at character " + column + " of the line", null);
        }
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
