package vn.egov.sdk.edxml.internal;

import vn.egov.sdk.edxml.EdXmlValidator.Limit;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.Violation.Severity;

/** The rules of an agency block ({@code From}, {@code To}): organ id, lengths, e-mail. */
public final class RuleOrganization {
    private RuleOrganization() {
    }

    /**
     * Checks one agency.
     *
     * @param org the agency
     * @param path its path, for example {@code MessageHeader.To[1]}
     * @param ctx the run
     */
    public static void check(Organization org, String path, ValidationContext ctx) {
        ctx.organId(org.organId(), path + ".OrganId");
        ctx.maxLength(org.organName(), Limit.ORGAN_NAME, path + ".OrganName");
        ctx.maxLength(org.organAdd(), Limit.ORGAN_ADD, path + ".OrganAdd");
        ctx.maxLength(org.email(), Limit.EMAIL, path + ".Email");
        ctx.email(org.email(), path + ".Email");
        ctx.maxLength(org.telephone(), Limit.TELEPHONE, path + ".Telephone");
        ctx.maxLength(org.fax(), Limit.FAX, path + ".Fax");
        // 20 characters for a web address is a quirk of the Bkav checker: only worth a warning
        ctx.maxLength(org.website(), Limit.WEBSITE, path + ".Website", Severity.WARNING);
    }
}
