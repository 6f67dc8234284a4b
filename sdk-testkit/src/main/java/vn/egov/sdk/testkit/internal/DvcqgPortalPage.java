package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The read-only HTML page {@code GET /dvcqg/ho-so}: the dossiers the simulated portal holds and the rating summaries
 * it received, escaped.
 */
final class DvcqgPortalPage {

    private static final String[] STATUS = {"Liên thông", "Mới đăng ký", "Được tiếp nhận", "Không được tiếp nhận",
        "Đang xử lý", "Yêu cầu bổ sung giấy tờ", "Yêu cầu thực hiện nghĩa vụ tài chính",
        "Công dân yêu cầu rút hồ sơ", "Dừng xử lý", "Đã xử lý xong", "Đã trả kết quả"};

    private DvcqgPortalPage() {
    }

    static String render(List<DvcqgPortalStore.Held> dossiers, List<ObjectNode> ratings) {
        StringBuilder html = new StringBuilder(1024).append("<!DOCTYPE html><html lang=\"vi\"><head>")
                .append("<meta charset=\"utf-8\"><title>Hồ sơ đồng bộ - Cổng DVCQG (thử nghiệm)</title></head><body>")
                .append("<h1>Hồ sơ đã đồng bộ lên Cổng DVCQG (thử nghiệm)</h1>")
                .append("<p id=\"count\">").append(dossiers.size()).append(" hồ sơ</p>")
                .append("<table border=\"1\"><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Chủ hồ sơ</th>")
                .append("<th>Trạng thái</th><th>Tiến độ</th><th>Xử lý gần nhất</th></tr></thead><tbody>");
        for (DvcqgPortalStore.Held held : dossiers) {
            ObjectNode r = held.record();
            List<ObjectNode> rows = held.history();
            String last = rows.isEmpty() ? "" : DvcqgPortalStore.text(rows.get(rows.size() - 1), "NoiDungXuLy");
            html.append("<tr><td>").append(escape(DvcqgPortalStore.text(r, "MaHoSo")))
                    .append("</td><td>").append(escape(DvcqgPortalStore.text(r, "TenTTHC")))
                    .append("</td><td>").append(escape(DvcqgPortalStore.text(r, "ChuHoSo")))
                    .append("</td><td>").append(escape(status(DvcqgPortalStore.text(r, "TrangThaiHoSo"))))
                    .append("</td><td>").append(rows.size()).append(" bước")
                    .append("</td><td>").append(escape(last)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        ratings(html, ratings);
        return html.append("</body></html>").toString();
    }

    private static void ratings(StringBuilder html, List<ObjectNode> ratings) {
        html.append("<h2>Đánh giá mức độ hài lòng</h2><p id=\"ratings\">").append(ratings.size())
                .append(" bản tổng hợp</p><table border=\"1\"><thead><tr><th>Tháng</th><th>Đơn vị</th>")
                .append("<th>Số người đánh giá</th><th>Rất hài lòng</th><th>Hài lòng</th><th>Chưa hài lòng</th>")
                .append("</tr></thead><tbody>");
        for (ObjectNode r : ratings) {
            html.append("<tr>");
            for (String key : new String[] {"NgayTongHop", "Madonvi", "TongSoNguoiDanhGia",
                "PhanTramDanhGiaRatHaiLong", "PhanTramDanhGiaHaiLong", "PhanTramDanhGiaChuaHaiLong"}) {
                html.append("<td>").append(escape(DvcqgPortalStore.text(r, key))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static String status(String code) {
        try {
            int n = Integer.parseInt(code.trim());
            return n >= 0 && n < STATUS.length ? code + " - " + STATUS[n] : code;
        } catch (NumberFormatException e) {
            return code;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
