package vn.egov.sdk.edxml.internal;

import java.time.LocalDateTime;
import vn.egov.sdk.edxml.EdXmlValidator.Limit;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.Violation.Kind;

/** The rules of a status package (QĐ 28/2018): who reports, on what, which status, when. */
public final class RuleStatus {
    private static final String H = "MessageHeader.";

    private RuleStatus() {
    }

    /**
     * Checks a status package, in wire order.
     *
     * @param pkg the package
     * @param ctx the run
     */
    public static void check(StatusPackage pkg, ValidationContext ctx) {
        RuleOrganization.check(pkg.from(), H + "From", ctx);
        ctx.organId(pkg.responseFor().organId(), H + "ResponseFor.OrganId");
        ctx.required(pkg.responseFor().documentId().value(), H + "ResponseFor.DocumentId");
        pkg.staff().ifPresent(staff -> {
            if (staff.staff().isBlank()) {
                ctx.warning(Kind.MISSING, H + "StaffInfo.Staff", H + "StaffInfo.Staff (who handles it) is empty");
            }
        });
        String code = pkg.status().code();
        if (ctx.required(code, H + "StatusCode") && !pkg.status().isKnown()) {
            ctx.warning(Kind.RANGE, H + "StatusCode", H + "StatusCode '" + code
                    + "' is not one of QĐ 28's codes 01-06, 13, 15, 16");
        }
        ctx.maxLength(pkg.description(), Limit.STATUS_DESCRIPTION, H + "Description");
        timestamp(pkg, ctx);
        pkg.trace().ifPresent(trace -> RuleTrace.checkHops(trace, ctx));
    }

    private static void timestamp(StatusPackage pkg, ValidationContext ctx) {
        String path = H + "Timestamp";
        if (pkg.timestamp().isEmpty()) {
            ctx.error(Kind.MISSING, path, path + " is required");
            return;
        }
        LocalDateTime latest = ctx.now().plus(ctx.settings().futureSkew());
        if (pkg.timestamp().get().isAfter(latest)) {
            ctx.error(Kind.TIME, path, path + " " + pkg.timestamp().get() + " is more than "
                    + ctx.settings().futureSkew() + " ahead of now (" + ctx.now() + " in Asia/Ho_Chi_Minh)");
        }
    }
}
