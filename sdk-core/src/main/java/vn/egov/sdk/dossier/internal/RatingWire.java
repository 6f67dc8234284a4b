package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.RatingSummary;
import vn.egov.sdk.dossier.SatisfactionShares;

/** The wire form of a {@link RatingSummary} ({@code DongBoDanhGia}), in the portal's field order. */
public final class RatingWire {
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,2})-(\\d{4})");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,6})?)\\s*%?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");

    private RatingWire() {
    }

    /** Writes the value. */
    public static ObjectNode write(RatingSummary v) {
        WireWriter out = new WireWriter();
        out.text("NgayTongHop", v.period() == null ? null : v.period().getMonthValue() + "-" + v.period().getYear());
        out.text("TongSoNguoiDanhGia", v.respondents() == null ? null : v.respondents().toString());
        shares(out, "PhanTramDanhGia", v.overall());
        if (!v.comments().isEmpty()) {
            v.comments().forEach(out.node().putArray("DanhSachNoiDungYKien")::add);
        }
        out.text("MaThuTuc", v.procedureCode());
        out.text("NoiDung", v.content());
        shares(out, "PhanTramDanhGiaDichVu", v.service());
        out.text("Madonvi", v.agencyCode());
        out.text("TenDonVi", v.agencyName());
        return out.node();
    }

    /** The wire text of a share: plain decimal and {@code %}. */
    public static String percent(BigDecimal share) {
        return share.stripTrailingZeros().toPlainString() + "%";
    }

    private static void shares(WireWriter out, String prefix, SatisfactionShares s) {
        if (s != null) {
            out.text(prefix + "RatHaiLong", percent(s.veryHappy()));
            out.text(prefix + "HaiLong", percent(s.happy()));
            out.text(prefix + "ChuaHaiLong", percent(s.notHappy()));
        }
    }

    /** Reads a value from JSON bytes. */
    public static RatingSummary read(byte[] json) {
        return read(BoundedJson.readObject(json, "RatingSummary"), "RatingSummary");
    }

    /** Reads values from a JSON array. */
    public static List<RatingSummary> readAll(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new DossierFormatException("RatingSummary", "json.notArray", "a JSON array is required", null);
        }
        List<RatingSummary> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(read(json.get(i), "RatingSummary[" + i + "]"));
        }
        return out;
    }

    /** Reads a value from a JSON node, naming it {@code name} in errors. */
    public static RatingSummary read(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new RatingSummary(
                period(in.text("NgayTongHop"), name + ".NgayTongHop"),
                count(in.text("TongSoNguoiDanhGia"), name + ".TongSoNguoiDanhGia"),
                shares(in, name, "PhanTramDanhGia"),
                Texts.list(json, name, "DanhSachNoiDungYKien"),
                in.text("MaThuTuc"),
                in.text("NoiDung"),
                shares(in, name, "PhanTramDanhGiaDichVu"),
                in.text("Madonvi"),
                in.text("TenDonVi"));
    }

    private static SatisfactionShares shares(WireReader in, String name, String prefix) {
        BigDecimal a = percent(in.text(prefix + "RatHaiLong"), name + "." + prefix + "RatHaiLong");
        BigDecimal b = percent(in.text(prefix + "HaiLong"), name + "." + prefix + "HaiLong");
        BigDecimal c = percent(in.text(prefix + "ChuaHaiLong"), name + "." + prefix + "ChuaHaiLong");
        if (a == null && b == null && c == null) {
            return null;
        }
        if (a == null || b == null || c == null) {
            String missing = a == null ? "RatHaiLong" : b == null ? "HaiLong" : "ChuaHaiLong";
            throw new DossierFormatException(name + "." + prefix + missing, "percent.missing",
                    "the three shares go together: this one is missing", null);
        }
        return new SatisfactionShares(a, b, c);
    }

    private static YearMonth period(String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = PERIOD.matcher(text.strip());
        if (m.matches()) {
            try {
                return YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            } catch (DateTimeException e) {
                // falls through to the refusal
            }
        }
        throw new DossierFormatException(path, "period.malformed", "a month M-YYYY is required (" + text.length()
                + " characters given)", null);
    }

    private static Long count(String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!COUNT.matcher(text.strip()).matches()) {
            throw new DossierFormatException(path, "count.malformed", "a whole number 0 or more is required", null);
        }
        return Long.parseLong(text.strip());
    }

    private static BigDecimal percent(String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new DossierFormatException(path, "percent.malformed", "a share such as 62.5% is required", null);
        }
        return new BigDecimal(m.group(1));
    }
}
