package vn.egov.sdk.payment;

import java.util.Optional;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A list of platform transactions ({@link PlatformTransactionCsv}) could not be read: not UTF-8, a quote left open
 * (a truncated file), a row with too many or too few values, a value that breaks its column's rule, or a limit
 * exceeded. Says where: the line (1 = the header) and the column (1 = the first value of the row; 0 when the line
 * or the input as a whole is at fault) and the column's name when known.
 */
public class PlatformTransactionFormatException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** The line at fault, 1-based; 0 for the input as a whole. */
    private final int line;
    /** The value's position in its row, 1-based; 0 for the whole line. */
    private final int column;
    /** The column's header name, or empty text. */
    private final String columnName;

    /**
     * Creates the exception.
     *
     * @param line the line, 1-based; 0 for the input as a whole
     * @param column the value's position in its row, 1-based; 0 for the whole line
     * @param columnName the column's header name, or empty text when unknown
     * @param message why, in words a vendor can act on
     * @param cause the underlying error, or {@code null}
     */
    public PlatformTransactionFormatException(int line, int column, String columnName, String message,
            Throwable cause) {
        super(describe(line, column, columnName, message), ErrorDetails.of(Fault.VERIFICATION, false), cause);
        this.line = line;
        this.column = column;
        this.columnName = columnName == null ? "" : columnName;
    }

    private static String describe(int line, int column, String columnName, String message) {
        StringBuilder b = new StringBuilder("platform transactions CSV");
        if (line > 0) {
            b.append(", line ").append(line);
        }
        if (column > 0) {
            b.append(", column ").append(column);
        }
        if (columnName != null && !columnName.isEmpty()) {
            b.append(" (").append(columnName).append(')');
        }
        return b.append(": ").append(message).toString();
    }

    /**
     * The line at fault.
     *
     * @return the line, 1-based (1 is the header); 0 when the input as a whole is at fault
     */
    public int line() {
        return line;
    }

    /**
     * The value at fault within its row.
     *
     * @return the value's position, 1-based; 0 when the whole line is at fault
     */
    public int column() {
        return column;
    }

    /**
     * The header name of the column at fault.
     *
     * @return the name, or empty when unknown
     */
    public Optional<String> columnName() {
        return columnName.isEmpty() ? Optional.empty() : Optional.of(columnName);
    }
}
