package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class PlatformTransactionCsvTest {
    private static final String HEADER = "reference,gateway_transaction_id,amount,state,time,description\r\n";
    private final PlatformTransactionCsv csv = PlatformTransactionCsv.withDefaults();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private PlatformTransactionFormatException fails(String text) {
        return assertThrows(PlatformTransactionFormatException.class, () -> csv.read(utf8(text)));
    }

    private static void at(PlatformTransactionFormatException e, int line, int column, String contains) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(contains), e.getMessage());
    }

    @Test
    void writtenTransactionsReadBackTheSame() throws Exception {
        List<PlatformTransaction> transactions = List.of(
                new PlatformTransaction("dvcH01202612060001", "GD0001", 75_000, PaymentState.PAID,
                        Instant.parse("2026-12-06T07:30:00Z"),
                        " Lệ phí \"cấp giấy phép\", hồ sơ H01.1\r\nDòng hai: Đắk Lắk, Thừa Thiên Huế "),
                new PlatformTransaction("R2", "", 1, PaymentState.FAILED, Instant.parse("2026-12-06T16:59:59Z"), ""),
                new PlatformTransaction("R3", "G3", 999_999_999_999_999L, PaymentState.PENDING,
                        Instant.parse("2026-12-05T17:00:00Z"), "=1+2,@x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.write(transactions, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(HEADER), text);
        assertTrue(text.contains(",20261206143000,"), "24-hour Asia/Ho_Chi_Minh time: " + text);
        assertTrue(text.contains(",20261206235959,"), text);
        assertEquals(transactions, csv.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void columnsMayComeInAnyOrderOptionalOnesMayBeMissingAndABomIsDropped() {
        List<PlatformTransaction> read = csv.read(utf8("\uFEFFtime,amount,state,reference\n"
                + "20261206000000,5000,PAID,A\n\n20261206120000,6000,FAILED,B\n"));
        assertEquals(2, read.size());
        assertEquals(new PlatformTransaction("A", "", 5_000, PaymentState.PAID,
                Instant.parse("2026-12-05T17:00:00Z"), ""), read.get(0));
        assertEquals("B", read.get(1).reference());
        assertTrue(csv.read(utf8(HEADER)).isEmpty(), "a header alone is an empty day");
    }

    @Test
    void aTruncatedFileNamesTheRowWhereTheQuoteOpened() {
        PlatformTransactionFormatException e = fails(HEADER + "A,G,1000,PAID,20261206100000,ok\r\n"
                + "B,G,2000,PAID,20261206100000,\"Lệ phí chưa đóng");
        at(e, 3, 6, "not closed");
        at(fails(HEADER + "A,G,1000,PAID,20261206100000,\"two\nlines\"\r\n\"B,G,2000"), 4, 1, "not closed");
    }

    @Test
    void badValuesNameTheirLineAndColumn() {
        at(fails(HEADER + "A,G,12.5,PAID,20261206100000,\n"), 2, 3, "amount");
        at(fails(HEADER + "A,G,-5,PAID,20261206100000,\n"), 2, 3, "amount");
        at(fails(HEADER + "A,G,0,PAID,20261206100000,\n"), 2, 3, "amount");
        at(fails(HEADER + "A,G,١٢٣,PAID,20261206100000,\n"), 2, 3, "amount");
        at(fails(HEADER + "A,G,99999999999999999999,PAID,20261206100000,\n"), 2, 3, "amount");
        at(fails(HEADER + "A,G,1000,paid,20261206100000,\n"), 2, 4, "state");
        at(fails(HEADER + "A,G,1000,PAID,20260231100000,\n"), 2, 5, "time");
        at(fails(HEADER + "A,G,1000,PAID,20261206250000,\n"), 2, 5, "time");
        at(fails(HEADER + "A,G,1000,PAID,2026-12-06 10:00,\n"), 2, 5, "time");
        at(fails(HEADER + ",G,1000,PAID,20261206100000,\n"), 2, 1, "reference");
        at(fails(HEADER + "A B,G,1000,PAID,20261206100000,\n"), 2, 1, "reference");
        at(fails(HEADER + "A,G\u0000,1000,PAID,20261206100000,\n"), 2, 2, "gateway_transaction_id");
        at(fails(HEADER + "A,G,1000,PAID,20261206100000,\"x\u0007y\"\n"), 2, 6, "control character");
        at(fails(HEADER + "R".repeat(300) + ",G,1000,PAID,20261206100000,\n"), 2, 1, "255");
    }

    @Test
    void rowsWithTooManyOrTooFewValuesAreRefused() {
        at(fails(HEADER + "A,G,1000,PAID,20261206100000,x,extra\n"), 2, 7, "more values");
        at(fails(HEADER + "A,G,1000,PAID\n"), 2, 5, "ends after 4 of 6");
        at(fails(HEADER + "A,G,1000,PAID,20261206100000,ok\n" + "B,G\n"), 3, 3, "amount");
    }

    @Test
    void aBadHeaderIsRefused() {
        at(fails("reference,amount,state,time,bank\n"), 1, 5, "unknown column 'bank'");
        at(fails("reference,amount,amount,state,time\n"), 1, 3, "twice");
        at(fails("reference,amount,state\n"), 1, 0, "no column 'time'");
        at(fails(""), 0, 0, "empty");
        at(fails("\n\n"), 0, 0, "empty");
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() {
        byte[] good = utf8(HEADER + "A,G,1000,PAID,20261206100000,Lệ phí\n");
        byte[] bad = new byte[good.length + 4];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = 'B';
        bad[good.length + 1] = ',';
        bad[good.length + 2] = (byte) 0xC3;
        bad[good.length + 3] = (byte) 0x28;
        PlatformTransactionFormatException e = assertThrows(PlatformTransactionFormatException.class,
                () -> csv.read(bad));
        at(e, 3, 0, "not UTF-8");
    }

    @Test
    void inputAboveTheLimitsIsRefusedWithoutReadingItAll() throws Exception {
        PlatformTransactionCsv small = csv.maxBytes(100);
        byte[] big = utf8(HEADER + "A,G,1000,PAID,20261206100000,\"" + "x".repeat(200) + "\"\n");
        at(assertThrows(PlatformTransactionFormatException.class, () -> small.read(big)), 0, 0, "limit of 100");
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        at(assertThrows(PlatformTransactionFormatException.class, () -> small.read(endless)), 0, 0,
                "limit of 100");
        PlatformTransactionCsv twoRows = csv.maxRows(2);
        String three = HEADER + "A,,1,PAID,20261206100000,\nB,,1,PAID,20261206100000,\nC,,1,PAID,20261206100000,\n";
        at(assertThrows(PlatformTransactionFormatException.class, () -> twoRows.read(utf8(three))), 4, 0,
                "limit of 2");
        at(fails(HEADER + "A,G,1000,PAID,20261206100000,\"" + "y".repeat(2001) + "\"\n"), 2, 6, "2000");
    }

    @Test
    void hostileShapesAreTypedErrorsNotCrashes() {
        String[] hostile = {"\"", "\"\"\"", ",,,,,,,,,,,,,,,,,,,,,,", "reference,amount,state,time\n\"A\"x,1,PAID,1",
            "\u0000\u0000\u0000", HEADER + "\"A\n".repeat(1000), HEADER.repeat(3),
            "reference," + "amount,".repeat(5000) + "state,time\n"};
        for (String input : hostile) {
            assertThrows(PlatformTransactionFormatException.class, () -> csv.read(utf8(input)),
                    () -> "accepted: " + input.substring(0, Math.min(40, input.length())));
        }
    }

    @Test
    void badArgumentsAreTypedErrors() {
        assertEquals("PlatformTransactionCsv.maxBytes", assertThrows(ValidationException.class,
                () -> csv.maxBytes(0)).errors().get(0).path());
        assertEquals("PlatformTransactionCsv.maxRows", assertThrows(ValidationException.class,
                () -> csv.maxRows(0)).errors().get(0).path());
        assertEquals("PlatformTransactionCsv.csv", assertThrows(ValidationException.class,
                () -> csv.read((byte[]) null)).errors().get(0).path());
        assertEquals("PlatformTransaction.amount", assertThrows(ValidationException.class,
                () -> new PlatformTransaction("A", "", 0, PaymentState.PAID, Instant.EPOCH, "")).errors().get(0)
                .path());
    }
}
