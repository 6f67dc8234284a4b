package vn.egov.sdk.edxml;

import vn.egov.sdk.edxml.internal.Values;

/**
 * Người ký ({@code SignerInfo}).
 *
 * @param competence quyền hạn ký ({@code Competence}), for example {@code KT. BỘ TRƯỞNG}
 * @param position chức vụ ({@code Position})
 * @param fullName họ tên ({@code FullName})
 */
public record SignerInfo(String competence, String position, String fullName) {
    /**
     * Normalises nulls.
     *
     * @param competence quyền hạn ký ({@code Competence}), for example {@code KT. BỘ TRƯỞNG}
     * @param position chức vụ ({@code Position})
     * @param fullName họ tên ({@code FullName})
     */
    public SignerInfo {
        competence = Values.text(competence);
        position = Values.text(position);
        fullName = Values.text(fullName);
    }
}
