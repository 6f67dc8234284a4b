package vn.egov.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's agency directory: a few agencies with a QCVN 102 code and a QĐ 20 code. The sample codes of
 * departments are made up for tests (only the level-1 codes are real, from QĐ 20/2020/QĐ-TTg as amended by QĐ 09/2025/QĐ-TTg).
 */
public final class VdxpAgencies {

    /**
     * One agency.
     *
     * @param id the directory id
     * @param parentId the parent's id, "" for none
     * @param code102 the QCVN 102 code
     * @param codeQd20 the QĐ 20 code
     * @param name the name
     * @param mail the e-mail
     */
    public record Entry(String id, String parentId, String code102, String codeQd20, String name, String mail) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("1", "", "000.00.00.G22", "000.00.00.G22", "Văn phòng Chính phủ", "vpcp@chinhphu.vn"),
            new Entry("2", "", "000.00.00.H41", "000.00.00.H41", "UBND tỉnh Nghệ An", "ubnd@nghean.gov.vn"),
            new Entry("3", "2", "000.01.31.H41", "000.00.01.H41", "Sở Nội vụ tỉnh Nghệ An", "snv@nghean.gov.vn"),
            new Entry("4", "", "000.00.00.H49", "000.00.00.H49", "UBND tỉnh Quảng Ninh", "ubnd@quangninh.gov.vn"),
            new Entry("5", "4", "000.02.31.H49", "000.00.02.H49", "Sở Thông tin và Truyền thông tỉnh Quảng Ninh",
                    "stttt@quangninh.gov.vn"));

    private VdxpAgencies() {
    }

    /**
     * The entries.
     *
     * @return every agency
     */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /**
     * {@code getAgenciesList}: QCVN 102 codes in {@code code}, the other system's code in {@code oldCode}.
     *
     * @return the {@code data} array
     */
    public static List<Map<String, Object>> qcvn102() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("pid", parentCode(e.parentId(), true));
            m.put("code", e.code102());
            m.put("name", e.name());
            m.put("mail", e.mail());
            m.put("oldCode", e.codeQd20());
            out.add(m);
        }
        return out;
    }

    /**
     * {@code getAgenciesListQD20}: QĐ 20 codes in {@code code}, the QCVN 102 code in {@code code102}.
     *
     * @return the {@code data} array
     */
    public static List<Map<String, Object>> qd20() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("code", e.codeQd20());
            m.put("name", e.name());
            m.put("mail", e.mail());
            m.put("code102", e.code102());
            out.add(m);
        }
        return out;
    }

    private static String parentCode(String parentId, boolean qcvn) {
        for (Entry e : ENTRIES) {
            if (e.id().equals(parentId)) {
                return qcvn ? e.code102() : e.codeQd20();
            }
        }
        return "";
    }
}
