package vn.egov.sdk.edxml;

import vn.egov.sdk.edxml.internal.Values;

/**
 * The person handling a package ({@code StaffInfo}). Absent text is "".
 *
 * @param department phòng ban ({@code Department})
 * @param departmentId {@code DepartmentId} (VNPT extension)
 * @param staff họ tên ({@code Staff})
 * @param staffId {@code StaffId} (VNPT extension)
 * @param email {@code Email}
 * @param mobile {@code Mobile}
 */
public record StaffInfo(String department, String departmentId, String staff, String staffId, String email,
        String mobile) {
    /**
     * Normalises nulls.
     *
     * @param department phòng ban ({@code Department})
     * @param departmentId {@code DepartmentId}
     * @param staff họ tên ({@code Staff})
     * @param staffId {@code StaffId}
     * @param email {@code Email}
     * @param mobile {@code Mobile}
     */
    public StaffInfo {
        department = Values.text(department);
        departmentId = Values.text(departmentId);
        staff = Values.text(staff);
        staffId = Values.text(staffId);
        email = Values.text(email);
        mobile = Values.text(mobile);
    }

    /**
     * Department, name, e-mail and mobile.
     *
     * @param department phòng ban ({@code Department})
     * @param staff họ tên ({@code Staff})
     * @param email {@code Email}
     * @param mobile {@code Mobile}
     * @return a staff block without the VNPT {@code DepartmentId} and {@code StaffId}
     */
    public static StaffInfo of(String department, String staff, String email, String mobile) {
        return new StaffInfo(department, "", staff, "", email, mobile);
    }
}
