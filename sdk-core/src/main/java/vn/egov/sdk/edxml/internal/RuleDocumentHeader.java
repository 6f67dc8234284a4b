package vn.egov.sdk.edxml.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.edxml.DocumentId;
import vn.egov.sdk.edxml.EdXmlValidator.Limit;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.Violation.Kind;

/** The rules of a document package's {@code MessageHeader}. */
public final class RuleDocumentHeader {
    private static final String H = "MessageHeader.";
    private static final int UNSIGNED_SHORT_MAX = 65_535;

    private RuleDocumentHeader() {
    }

    /**
     * Checks the header, in wire order.
     *
     * @param header the header
     * @param ctx the run
     */
    public static void check(MessageHeader header, ValidationContext ctx) {
        RuleOrganization.check(header.from(), H + "From", ctx);
        receivers(header.to(), ctx);
        documentId(header.documentId(), header.from().organId(), ctx);
        ctx.required(header.code().codeNumber(), H + "Code.CodeNumber");
        ctx.maxLength(header.code().codeNumber(), Limit.CODE_NUMBER, H + "Code.CodeNumber");
        ctx.required(header.code().codeNotation(), H + "Code.CodeNotation");
        ctx.maxLength(header.code().codeNotation(), Limit.CODE_NOTATION, H + "Code.CodeNotation");
        ctx.maxLength(header.promulgationInfo().place(), Limit.PROMULGATION_PLACE, H + "PromulgationInfo.Place");
        Optional<LocalDate> promulgated = header.promulgationInfo().promulgationDate();
        promulgationDate(promulgated, ctx);
        ctx.range(header.documentType().type(), 1, 2, H + "DocumentType.Type");
        ctx.maxLength(header.documentType().typeName(), Limit.TYPE_NAME, H + "DocumentType.TypeName");
        ctx.required(header.subject(), H + "Subject");
        ctx.maxLength(header.subject(), Limit.SUBJECT, H + "Subject");
        ctx.maxLength(header.content(), Limit.CONTENT, H + "Content");
        dueDate(header.dueDate(), promulgated, ctx);
        List<String> places = header.toPlaces();
        for (int i = 0; i < places.size(); i++) {
            ctx.maxLength(places.get(i), Limit.TO_PLACE, ValidationContext.indexed(H + "ToPlaces.Place", i));
        }
        otherInfo(header.otherInfo(), ctx);
        ctx.range(header.steeringType(), 0, 1, H + "SteeringType");
    }

    private static void receivers(List<Organization> to, ValidationContext ctx) {
        if (to.isEmpty()) {
            ctx.error(Kind.MISSING, H + "To", "at least one receiver (MessageHeader.To) is required");
        }
        for (int i = 0; i < to.size(); i++) {
            RuleOrganization.check(to.get(i), ValidationContext.indexed(H + "To", i), ctx);
        }
    }

    private static void documentId(DocumentId id, OrganId from, ValidationContext ctx) {
        String path = H + "DocumentId";
        if (!ctx.required(id.value(), path)) {
            return;
        }
        if (!id.isWellFormed()) {
            ctx.warning(Kind.MALFORMED, path, path + " '" + id.value()
                    + "' is not <sender OrganId>,<yyyy/MM/dd>,<number>/<notation>");
        } else if (!from.isEmpty() && id.sender().filter(from::equals).isEmpty()) {
            ctx.warning(Kind.MALFORMED, path, path + " names sender '" + id.sender().map(OrganId::value).orElse("")
                    + "' but MessageHeader.From.OrganId is '" + from.value() + "'");
        }
    }

    private static void promulgationDate(Optional<LocalDate> date, ValidationContext ctx) {
        String path = H + "PromulgationInfo.PromulgationDate";
        if (date.isEmpty()) {
            ctx.error(Kind.MISSING, path, path + " is required");
        } else if (date.get().isAfter(ctx.today())) {
            ctx.error(Kind.TIME, path, path + " " + date.get() + " is in the future (today is " + ctx.today()
                    + " in Asia/Ho_Chi_Minh)");
        }
    }

    private static void dueDate(Optional<LocalDate> due, Optional<LocalDate> promulgated, ValidationContext ctx) {
        if (due.isPresent() && promulgated.isPresent() && due.get().isBefore(promulgated.get())) {
            ctx.warning(Kind.TIME, H + "DueDate", H + "DueDate " + due.get() + " is before the promulgation date "
                    + promulgated.get());
        }
    }

    private static void otherInfo(OtherInfo info, ValidationContext ctx) {
        String o = H + "OtherInfo.";
        ctx.range(info.priority(), 0, 4, o + "Priority");
        ctx.maxLength(info.sphereOfPromulgation(), Limit.SPHERE_OF_PROMULGATION, o + "SphereOfPromulgation");
        ctx.maxLength(info.typerNotation(), Limit.TYPER_NOTATION, o + "TyperNotation");
        ctx.range(info.promulgationAmount(), 0, UNSIGNED_SHORT_MAX, o + "PromulgationAmount");
        ctx.range(info.pageAmount(), 0, UNSIGNED_SHORT_MAX, o + "PageAmount");
    }
}
