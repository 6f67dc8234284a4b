package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether the portal's record of a dossier (the {@code TraCuuHoSo} result) already holds a progress row: one of its
 * {@code DanhSachTienDo} rows has the same {@code ThoiDiemXuLy}, {@code TrangThai} and {@code NoiDungXuLy}, compared
 * as text in NFC with surrounding white space ignored. Internal.
 */
final class SyncRows {
    private static final String[] MATCHED = {"ThoiDiemXuLy", "TrangThai", "NoiDungXuLy"};

    private SyncRows() {
    }

    static boolean holds(JsonNode dossier, JsonNode row) {
        JsonNode history = dossier.path("DanhSachTienDo");
        if (!history.isArray()) {
            return false;
        }
        for (JsonNode held : history) {
            if (same(held, row)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(JsonNode held, JsonNode row) {
        for (String field : MATCHED) {
            if (!text(held, field).equals(text(row, field))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? ""
                : SyncKeys.nfc(value.asText()).strip();
    }
}
