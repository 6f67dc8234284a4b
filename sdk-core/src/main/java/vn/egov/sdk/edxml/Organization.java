package vn.egov.sdk.edxml;

import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.Values;

/**
 * An agency as {@code From} or {@code To} names it. Absent text is "".
 *
 * <p>Build one with {@link #of(String, String)}, which checks the caller's values. The canonical constructor is
 * lenient, as the reader needs it for what real senders emit: a {@code null} becomes empty text, and
 * {@link EdXmlValidator} reports what is missing.
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
     * @param organId its organ id (mã định danh), conforming or not; required, not blank
     * @param organName its name ({@code OrganName}); required, may be empty
     * @return the agency
     * @throws ValidationException if {@code organId} is {@code null} or blank, or {@code organName} is {@code null}
     */
    public static Organization of(String organId, String organName) {
        ValidationException.requireText(organId, "Organization.organId");
        ValidationException.requireNonNull(organName, "Organization.organName");
        return new Organization(OrganId.of(organId), "", organName, "", "", "", "", "");
    }

    /** The agency of a package that names none: every text empty (what the reader gives for a missing block). */
    static Organization absent() {
        return new Organization(null, null, null, null, null, null, null, null);
    }
}
