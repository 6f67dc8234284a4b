package vn.egov.sdk.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.io.BoundedInputStream;
import vn.egov.sdk.payment.internal.CsvRows;
import vn.egov.sdk.payment.internal.CsvText;
import vn.egov.sdk.payment.internal.PlatformCsvReader;

/**
 * Reads and writes a day's platform transactions as CSV in one simple layout of the SDK's own, because neither
 * national system publishes a settlement file format (DOMAIN §3.6): convert what the operator sends into it, or
 * build {@link PlatformTransaction}s directly.
 *
 * <p>The layout: UTF-8 (a byte-order mark is allowed), RFC 4180 quoting, a header line naming the columns in any
 * order, then one transaction per row:
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>value</th></tr>
 *   <tr><td>{@code reference}</td><td>the merchant reference ({@code MaThamChieu}); required, no spaces, at most
 *     255 characters</td></tr>
 *   <tr><td>{@code gateway_transaction_id}</td><td>the system's id ({@code MaGiaoDich}); optional column, may be
 *     empty</td></tr>
 *   <tr><td>{@code amount}</td><td>whole VND in plain digits, above 0; required</td></tr>
 *   <tr><td>{@code state}</td><td>{@code PAID}, {@code FAILED}, {@code PENDING} or {@code EXPIRED};
 *     required</td></tr>
 *   <tr><td>{@code time}</td><td>{@code yyyyMMddHHmmss}, 24-hour, Asia/Ho_Chi_Minh; required</td></tr>
 *   <tr><td>{@code description}</td><td>free text ({@code ThongTinGiaoDich}), line breaks allowed inside quotes;
 *     optional column</td></tr>
 * </table>
 *
 * <pre>{@code
 * reference,gateway_transaction_id,amount,state,time,description
 * dvcH01202612060001,GD0001,75000,PAID,20261206143000,"Lệ phí cấp giấy phép, hồ sơ H01.1"
 * }</pre>
 *
 * <p>Reading is bounded: at most {@link #DEFAULT_MAX_BYTES} bytes and {@link #DEFAULT_MAX_ROWS} rows unless
 * configured otherwise. Instances are immutable and thread-safe.
 */
public final class PlatformTransactionCsv {
    /** The default most bytes read: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** The default most transactions read: 200,000. */
    public static final int DEFAULT_MAX_ROWS = 200_000;
    private static final long HARD_MAX_BYTES = Integer.MAX_VALUE - 16;

    private final long maxBytes;
    private final int maxRows;

    private PlatformTransactionCsv(long maxBytes, int maxRows) {
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    /**
     * A reader and writer with the default limits.
     *
     * @return the instance
     */
    public static PlatformTransactionCsv withDefaults() {
        return new PlatformTransactionCsv(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);
    }

    /**
     * A copy that reads at most this many bytes.
     *
     * @param value above 0 and below 2 GiB
     * @return the copy
     */
    public PlatformTransactionCsv maxBytes(long value) {
        if (value < 1 || value > HARD_MAX_BYTES) {
            throw ValidationException.of("range", "PlatformTransactionCsv.maxBytes",
                    "the byte limit must be between 1 and " + HARD_MAX_BYTES + ", was " + value);
        }
        return new PlatformTransactionCsv(value, maxRows);
    }

    /**
     * A copy that reads at most this many transactions.
     *
     * @param value at least 1
     * @return the copy
     */
    public PlatformTransactionCsv maxRows(int value) {
        if (value < 1) {
            throw ValidationException.of("positive", "PlatformTransactionCsv.maxRows",
                    "the row limit must be at least 1, was " + value);
        }
        return new PlatformTransactionCsv(maxBytes, value);
    }

    /**
     * Reads every transaction from a stream, which the caller closes.
     *
     * @param in the CSV
     * @return the transactions, in the file's order
     * @throws PlatformTransactionFormatException naming the line and column of the first problem, or saying the
     *     input is larger than the byte limit
     * @throws IOException when the stream itself fails
     */
    public List<PlatformTransaction> read(InputStream in) throws IOException {
        ValidationException.requireNonNull(in, "PlatformTransactionCsv.in");
        byte[] bytes;
        try {
            bytes = new BoundedInputStream(in, maxBytes).readAllBytes();
        } catch (BoundedInputStream.LimitExceededException e) {
            throw new PlatformTransactionFormatException(0, 0, "",
                    "larger than the limit of " + maxBytes + " bytes", e);
        }
        return read(bytes);
    }

    /**
     * Reads every transaction from bytes.
     *
     * @param csv the CSV
     * @return the transactions, in the file's order
     * @throws PlatformTransactionFormatException naming the line and column of the first problem, or saying the
     *     input is larger than the byte limit
     */
    public List<PlatformTransaction> read(byte[] csv) {
        ValidationException.requireNonNull(csv, "PlatformTransactionCsv.csv");
        if (csv.length > maxBytes) {
            throw new PlatformTransactionFormatException(0, 0, "",
                    "larger than the limit of " + maxBytes + " bytes", null);
        }
        return new PlatformCsvReader(maxRows).read(CsvText.decodeUtf8(csv));
    }

    /**
     * Writes transactions in this layout, every column present.
     *
     * @param transactions the transactions
     * @param out where to write, UTF-8; flushed, not closed
     * @throws IOException when the stream fails
     */
    public void write(List<PlatformTransaction> transactions, OutputStream out) throws IOException {
        ValidationException.requireElements(transactions, "PlatformTransactionCsv.transactions");
        ValidationException.requireNonNull(out, "PlatformTransactionCsv.out");
        List<String[]> rows = new ArrayList<>(transactions.size());
        for (PlatformTransaction t : transactions) {
            rows.add(new String[] {t.reference(), t.gatewayTransactionId(), Long.toString(t.amount()),
                t.state().name(), CsvText.WIRE_TIME.format(t.time()), t.description()});
        }
        CsvRows.write(PlatformCsvReader.COLUMNS, rows, out);
    }
}
