package vn.egov.sdk.payment.internal;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows of text under a header line with Jackson's CSV generator: UTF-8, RFC 4180 quoting (values with
 * commas, quotes or line breaks quoted, quotes doubled), {@code \r\n} between lines.
 */
public final class CsvRows {
    private CsvRows() {
    }

    /**
     * Writes the header and the rows.
     *
     * @param columns the header names
     * @param rows the rows, each with one value per column
     * @param out where to write, UTF-8; flushed, not closed
     * @throws IOException when the stream fails
     */
    public static void write(List<String> columns, List<String[]> rows, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String column : columns) {
            schema.addColumn(column);
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter rowsOut = CsvText.mapper().writer(schema.build())
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(writer)) {
            for (String[] row : rows) {
                rowsOut.write(row);
            }
        }
        writer.flush();
    }
}
