package vn.egov.sdk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The simulated DVCQG payment platform's HTML pages and receipt PDF. */
public final class DvcqgPayPages {
    /** The banks offered on the payment page. */
    public static final List<String> BANKS = List.of("VCB", "BIDV", "VTB", "AGRIBANK", "NAPAS");

    private DvcqgPayPages() {
    }

    /**
     * The payment page: the transaction, a bank choice, and Pay / Fail / Cancel buttons posting a form to itself.
     *
     * @param tx the transaction
     * @return the HTML response
     */
    public static SimResponse paymentPage(DvcqgPayTransaction tx) {
        StringBuilder banks = new StringBuilder();
        for (String bank : BANKS) {
            banks.append("<option value=\"").append(bank).append("\">").append(bank).append("</option>");
        }
        String body = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Thanh toán</title></head>"
                + "<body><h1>Nền tảng thanh toán (sandbox)</h1>"
                + "<p>Mã tham chiếu: <span id=\"reference\">" + escape(tx.reference()) + "</span></p>"
                + "<p>Số tiền: <span id=\"amount\">" + tx.amount() + "</span> VND</p>"
                + "<p>Nội dung: <span id=\"description\">" + escape(tx.description()) + "</span></p>"
                + "<form id=\"pay-form\" method=\"post\" action=\"/dvcqg-pay/page/" + tx.id() + "\">"
                + "<label for=\"bank\">Ngân hàng</label> <select id=\"bank\" name=\"bank\">" + banks + "</select>"
                + " <button id=\"pay\" type=\"submit\" name=\"action\" value=\"pay\">Thanh toán</button>"
                + " <button id=\"fail\" type=\"submit\" name=\"action\" value=\"fail\">Thất bại</button>"
                + " <button id=\"cancel\" type=\"submit\" name=\"action\" value=\"cancel\">Hủy</button>"
                + "</form></body></html>";
        return html(200, body);
    }

    /**
     * The page after the payer acted.
     *
     * @param tx the transaction
     * @return the HTML response
     */
    public static SimResponse resultPage(DvcqgPayTransaction tx) {
        String text = switch (tx.state()) {
            case PAID -> "Giao dịch thành công";
            case FAILED -> "Giao dịch không thành công";
            case EXPIRED -> "Giao dịch đã hết hạn";
            default -> "Giao dịch đang xử lý";
        };
        return html(200, "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + text
                + "</title></head><body><h1 id=\"result\" data-state=\"" + tx.state() + "\">" + text + "</h1>"
                + "<p>Mã tham chiếu: " + escape(tx.reference()) + "</p></body></html>");
    }

    /**
     * An HTML response.
     *
     * @param status the status
     * @param body the HTML
     * @return the response
     */
    public static SimResponse html(int status, String body) {
        return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A one-page receipt PDF (ASCII text: the standard fonts have no Vietnamese glyphs).
     *
     * @param tx a paid transaction
     * @return the PDF bytes
     */
    public static byte[] receipt(DvcqgPayTransaction tx) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                text.setLeading(16);
                for (String line : List.of("BIEN LAI THANH TOAN (sandbox)", "MaThamChieu: " + ascii(tx.reference()),
                        "MaGiaoDich: " + ascii(tx.gatewayId()), "SoTien: " + tx.amount() + " VND",
                        "NganHang: " + ascii(tx.bank()), "ThoiGian: " + tx.resultTime())) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the sandbox receipt", e);
        }
    }

    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
