package vn.egov.sdk.edxml;

import vn.egov.sdk.edxml.internal.Values;

/**
 * An agency as {@code From} or {@code To} names it. Absent text is "".
 *
 * @param organId mã định danh ({@code OrganId})
 * @param organizationInCharge cơ quan chủ quản ({@code OrganizationInCharge})
 * @param organName tên cơ quan ({@code OrganName})
 * @param organAdd địa chỉ ({@code OrganAdd})
 * @param email {@code Email}
 * @param telephone {@code Telephone}
 * @param fax {@code Fax}
 * @param website {@code Website}
 */
public record Organization(OrganId organId, String organizationInCharge, String organName, String organAdd,
        String email, String telephone, String fax, String website) {
    /**
     * Normalises nulls.
     *
     * @param organId mã định danh ({@code OrganId})
     * @param organizationInCharge cơ quan chủ quản ({@code OrganizationInCharge})
     * @param organName tên cơ quan ({@code OrganName})
     * @param organAdd địa chỉ ({@code OrganAdd})
     * @param email {@code Email}
     * @param telephone {@code Telephone}
     * @param fax {@code Fax}
     * @param website {@code Website}
     */
    public Organization {
        organId = organId == null ? OrganId.of("") : organId;
        organizationInCharge = Values.text(organizationInCharge);
        organName = Values.text(organName);
        organAdd = Values.text(organAdd);
        email = Values.text(email);
        telephone = Values.text(telephone);
        fax = Values.text(fax);
        website = Values.text(website);
    }

    /**
     * An agency known by id and name only.
     *
     * @param organId mã định danh ({@code OrganId}), for example {@code 000.00.00.H41}
     * @param organName tên cơ quan ({@code OrganName})
     * @return an organization with the other fields empty
     */
    public static Organization of(String organId, String organName) {
        return new Organization(OrganId.of(organId), "", organName, "", "", "", "", "");
    }
}
