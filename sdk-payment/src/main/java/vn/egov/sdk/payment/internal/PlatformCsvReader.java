package vn.egov.sdk.payment.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PlatformTransaction;
import vn.egov.sdk.payment.PlatformTransactionFormatException;

/**
 * Reads the platform transactions CSV layout documented on {@code PlatformTransactionCsv}, through Jackson's CSV
 * parser, row by row, checking every value and saying where a bad one is.
 */
public final class PlatformCsvReader {
    /** The columns, in the order the writer puts them. */
    public static final List<String> COLUMNS = List.of("reference", "gateway_transaction_id", "amount", "state",
            "time", "description");
    private static final List<String> REQUIRED = List.of("reference", "amount", "state", "time");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");
    private static final int MAX_ID = 255;
    private static final int MAX_DESCRIPTION = 2000;

    private final int maxRows;

    /**
     * A reader.
     *
     * @param maxRows the most transactions accepted
     */
    public PlatformCsvReader(int maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * Reads every transaction.
     *
     * @param text the whole input, decoded
     * @return the transactions, in the input's order
     * @throws PlatformTransactionFormatException naming the line and column of the first problem
     */
    public List<PlatformTransaction> read(String text) {
        CsvMapper mapper = CsvText.mapper();
        List<PlatformTransaction> out = new ArrayList<>();
        int rowLine = 1;
        int nextRowLine = 1;
        int values = 0;
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            Map<Integer, String> header = null;
            List<String> row = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    rowLine = nextRowLine;
                    values = 0;
                    row.clear();
                } else if (token == JsonToken.VALUE_STRING) {
                    if (values == 0) {
                        // the first value's location is exact (empty lines before the row are skipped)
                        rowLine = line(p.currentTokenLocation());
                    }
                    values++;
                    row.add(p.getText());
                    if (header != null && values > header.size()) {
                        throw new PlatformTransactionFormatException(rowLine, values, "",
                                "more values than the header's " + header.size() + " columns", null);
                    }
                } else if (token == JsonToken.END_ARRAY) {
                    nextRowLine = line(p.currentLocation()); // where the next row starts
                    if (header == null) {
                        header = header(row, rowLine);
                    } else {
                        if (out.size() == maxRows) {
                            throw new PlatformTransactionFormatException(rowLine, 0, "",
                                    "more than the limit of " + maxRows + " transactions", null);
                        }
                        out.add(transaction(header, row, rowLine));
                    }
                }
            }
            if (header == null) {
                throw new PlatformTransactionFormatException(0, 0, "", "empty: the header line is missing", null);
            }
        } catch (StreamReadException e) {
            throw new PlatformTransactionFormatException(rowLine, values + 1, "",
                    syntax(e) + " (reported at line " + line(e.getLocation()) + ")", e);
        } catch (IOException e) {
            throw new PlatformTransactionFormatException(rowLine, values + 1, "", "unreadable: " + e.getMessage(), e);
        }
        return out;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static String syntax(StreamReadException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("closing quote") || m.contains("EOF")) {
            return "a quoted value is not closed before the end of the input (truncated?)";
        }
        return "not CSV: " + m.lines().findFirst().orElse("");
    }

    private static Map<Integer, String> header(List<String> names, int line) {
        Map<Integer, String> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!COLUMNS.contains(name)) {
                throw new PlatformTransactionFormatException(line, i + 1, "",
                        "unknown column '" + printable(name) + "'; the columns are " + COLUMNS, null);
            }
            if (header.containsValue(name)) {
                throw new PlatformTransactionFormatException(line, i + 1, name, "the column appears twice", null);
            }
            header.put(i, name);
        }
        for (String required : REQUIRED) {
            if (!header.containsValue(required)) {
                throw new PlatformTransactionFormatException(line, 0, required,
                        "the header has no column '" + required + "'", null);
            }
        }
        return header;
    }

    private static PlatformTransaction transaction(Map<Integer, String> header, List<String> row, int line) {
        if (row.size() < header.size()) {
            throw new PlatformTransactionFormatException(line, row.size() + 1, header.get(row.size()),
                    "the row ends after " + row.size() + " of " + header.size() + " values", null);
        }
        Map<String, String> v = new HashMap<>();
        Map<String, Integer> at = new HashMap<>();
        header.forEach((i, name) -> {
            v.put(name, row.get(i));
            at.put(name, i + 1);
        });
        String reference = identifier(v.get("reference"), line, at.get("reference"), "reference", true);
        String gatewayId = v.containsKey("gateway_transaction_id") ? identifier(v.get("gateway_transaction_id"),
                line, at.get("gateway_transaction_id"), "gateway_transaction_id", false) : "";
        String amount = v.get("amount");
        if (!DIGITS.matcher(amount).matches() || Long.parseLong(amount) == 0) {
            throw bad(line, at, "amount", "must be whole VND above 0 in plain digits (at most 15), was '"
                    + printable(amount) + "'");
        }
        PaymentState state;
        try {
            state = PaymentState.valueOf(v.get("state"));
        } catch (IllegalArgumentException e) {
            throw bad(line, at, "state", "must be one of PAID, FAILED, PENDING, EXPIRED, was '"
                    + printable(v.get("state")) + "'");
        }
        Instant time;
        try {
            time = ZonedDateTime.parse(v.get("time"), CsvText.WIRE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(line, at, "time", "must be yyyyMMddHHmmss (24-hour, Asia/Ho_Chi_Minh), was '"
                    + printable(v.get("time")) + "'");
        }
        String description = v.getOrDefault("description", "");
        if (description.length() > MAX_DESCRIPTION) {
            throw bad(line, at, "description", "longer than " + MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f)) {
            throw bad(line, at, "description", "holds a control character");
        }
        return new PlatformTransaction(reference, gatewayId, Long.parseLong(amount), state, time, description);
    }

    private static String identifier(String value, int line, int column, String name, boolean required) {
        if (required && value.isBlank()) {
            throw new PlatformTransactionFormatException(line, column, name, "is required (empty)", null);
        }
        if (value.length() > MAX_ID) {
            throw new PlatformTransactionFormatException(line, column, name, "longer than " + MAX_ID
                    + " characters", null);
        }
        if (value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new PlatformTransactionFormatException(line, column, name,
                    "holds white space or a control character: '" + printable(value) + "'", null);
        }
        return value;
    }

    private static PlatformTransactionFormatException bad(int line, Map<String, Integer> at, String name,
            String message) {
        return new PlatformTransactionFormatException(line, at.get(name), name, message, null);
    }

    /** The value for a message: at most 40 characters, control characters shown as {@code ?}. */
    static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
