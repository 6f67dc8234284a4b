package vn.egov.sdk.edxml.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.ResponseFor;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.XmlElement;

/**
 * Writes {@code MessageHeader} of both package kinds, in the element order the national axis expects, and the
 * parts other blocks share ({@code From}/{@code To}, {@code ResponseFor}, {@code StaffInfo}).
 */
final class HeaderOut {
    private final XmlOut out;
    private final XmlElementOut elements;

    /**
     * @param out the writer
     * @param elements the writer of extension elements
     */
    HeaderOut(XmlOut out, XmlElementOut elements) {
        this.out = out;
        this.elements = elements;
    }

    /** The header of a document package. */
    void document(MessageHeader h) {
        out.startEd("MessageHeader");
        organization("From", -1, h.from());
        for (int i = 0; i < h.to().size(); i++) {
            organization("To", i, h.to().get(i));
        }
        out.leafEd("DocumentId", h.documentId().value());
        out.startEd("Code");
        out.leafEd("CodeNumber", h.code().codeNumber());
        out.leafEd("CodeNotation", h.code().codeNotation());
        out.end();
        out.startEd("PromulgationInfo");
        out.leafEd("Place", h.promulgationInfo().place());
        date("PromulgationDate", h.promulgationInfo().promulgationDate());
        out.end();
        out.startEd("DocumentType");
        out.leafEd("Type", h.documentType().type());
        out.leafEd("TypeDetail", h.documentType().typeDetail());
        out.leafEd("TypeName", h.documentType().typeName());
        out.end();
        out.leafEd("Subject", h.subject());
        out.leafEd("Content", h.content());
        out.startEd("SignerInfo");
        out.leafEd("Competence", h.signerInfo().competence());
        out.leafEd("Position", h.signerInfo().position());
        out.leafEd("FullName", h.signerInfo().fullName());
        out.end();
        date("DueDate", h.dueDate());
        list("ToPlaces", "Place", h.toPlaces());
        otherInfo(h.otherInfo());
        for (int i = 0; i < h.responseFor().size(); i++) {
            responseFor(h.responseFor().get(i), i);
        }
        out.leafEd("SteeringType", h.steeringType());
        list("ResponseForTask", "TaskCode", h.responseForTasks());
        h.applicationType().ifPresent(t -> out.leafEd("ApplicationType", t));
        extensions(h.extensions());
        out.end();
    }

    /** The header of a status package. */
    void status(StatusPackage p) {
        out.startEd("MessageHeader");
        organization("From", -1, p.from());
        responseFor(p.responseFor(), -1);
        p.staff().ifPresent(s -> staffInfo(s, -1));
        out.leafEd("StatusCode", p.status().code());
        out.leafEd("Description", p.description());
        dateTime("Timestamp", p.timestamp());
        extensions(p.extensions());
        out.end();
    }

    /**
     * {@code From} / {@code To}: always all eight children.
     *
     * @param name the element name
     * @param index its place in a list, -1 for none
     * @param o the agency
     */
    void organization(String name, int index, Organization o) {
        start(name, index);
        out.leafEd("OrganId", o.organId().value());
        out.leafEd("OrganizationInCharge", o.organizationInCharge());
        out.leafEd("OrganName", o.organName());
        out.leafEd("OrganAdd", o.organAdd());
        out.leafEd("Email", o.email());
        out.leafEd("Telephone", o.telephone());
        out.leafEd("Fax", o.fax());
        out.leafEd("Website", o.website());
        out.end();
    }

    /**
     * {@code ResponseFor}.
     *
     * @param r the answered document
     * @param index its place in a list, -1 for none
     */
    void responseFor(ResponseFor r, int index) {
        start("ResponseFor", index);
        out.leafEd("OrganId", r.organId().value());
        out.leafEd("Code", r.code());
        date("PromulgationDate", r.promulgationDate());
        out.leafEd("DocumentId", r.documentId().value());
        out.end();
    }

    /**
     * {@code StaffInfo}; the VNPT ids only when set.
     *
     * @param s the person
     * @param index its place in a list, -1 for none
     */
    void staffInfo(StaffInfo s, int index) {
        start("StaffInfo", index);
        out.leafEd("Department", s.department());
        if (!s.departmentId().isEmpty()) {
            out.leafEd("DepartmentId", s.departmentId());
        }
        out.leafEd("Staff", s.staff());
        if (!s.staffId().isEmpty()) {
            out.leafEd("StaffId", s.staffId());
        }
        out.leafEd("Email", s.email());
        out.leafEd("Mobile", s.mobile());
        out.end();
    }

    /** Extension elements, in order. */
    void extensions(List<XmlElement> extensions) {
        extensions.forEach(elements::write);
    }

    private void otherInfo(OtherInfo o) {
        out.startEd("OtherInfo");
        out.leafEd("Priority", o.priority());
        out.leafEd("SphereOfPromulgation", o.sphereOfPromulgation());
        out.leafEd("TyperNotation", o.typerNotation());
        out.leafEd("PromulgationAmount", o.promulgationAmount());
        out.leafEd("PageAmount", o.pageAmount());
        o.direction().ifPresent(d -> out.leafEd("Direction", d.toString()));
        list("Appendixes", "Appendix", o.appendixes());
        extensions(o.extensions());
        out.end();
    }

    private void start(String name, int index) {
        if (index < 0) {
            out.startEd(name);
        } else {
            out.startEd(name, index);
        }
    }

    private void list(String name, String item, List<String> values) {
        if (!values.isEmpty()) {
            out.startEd(name);
            for (int i = 0; i < values.size(); i++) {
                out.leafEd(item, i, values.get(i));
            }
            out.end();
        }
    }

    private void date(String name, Optional<LocalDate> date) {
        date.ifPresent(d -> out.leafEd(name, EdXmlDates.formatDate(d)));
    }

    /** An optional {@code yyyy/MM/dd HH:mm:ss} leaf. */
    void dateTime(String name, Optional<LocalDateTime> time) {
        time.ifPresent(t -> out.leafEd(name, EdXmlDates.formatDateTime(t)));
    }
}
