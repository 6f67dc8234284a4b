package vn.egov.sdk.edxml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.Values;

/**
 * The header of a document package ({@code MessageHeader}). Build with {@link #builder()}, which refuses a header
 * missing what QCVN 102 requires (sender, a receiver, số and ký hiệu, promulgation date, trích yếu). The canonical
 * constructor is lenient, as the reader needs it for what real senders emit: a {@code null} becomes empty, and
 * {@link EdXmlValidator} reports what is missing.
 *
 * @param from cơ quan gửi ({@code From})
 * @param to cơ quan nhận ({@code To}), one or more
 * @param documentId {@code DocumentId}
 * @param code số, ký hiệu ({@code Code})
 * @param promulgationInfo nơi, ngày ban hành ({@code PromulgationInfo})
 * @param documentType loại văn bản ({@code DocumentType})
 * @param subject trích yếu ({@code Subject})
 * @param content nội dung ({@code Content})
 * @param signerInfo người ký ({@code SignerInfo})
 * @param dueDate hạn xử lý ({@code DueDate})
 * @param toPlaces nơi nhận as free text ({@code ToPlaces/Place})
 * @param otherInfo {@code OtherInfo}
 * @param responseFor the documents this one answers ({@code ResponseFor})
 * @param steeringType {@code SteeringType}: 1 văn bản chỉ đạo (meaning inferred)
 * @param responseForTasks {@code ResponseForTask/TaskCode} (VNPT extension)
 * @param applicationType {@code ApplicationType} (VNPT extension)
 * @param extensions unknown child elements, kept and written back after the known ones
 */
public record MessageHeader(Organization from, List<Organization> to, DocumentId documentId, Code code,
        PromulgationInfo promulgationInfo, DocumentType documentType, String subject, String content,
        SignerInfo signerInfo, Optional<LocalDate> dueDate, List<String> toPlaces, OtherInfo otherInfo,
        List<ResponseFor> responseFor, OptionalInt steeringType, List<String> responseForTasks,
        Optional<String> applicationType, List<XmlElement> extensions) {
    /** Normalises nulls. */
    public MessageHeader {
        from = from == null ? Organization.absent() : from;
        to = Values.list(to);
        documentId = documentId == null ? DocumentId.of("") : documentId;
        code = code == null ? new Code("", "") : code;
        promulgationInfo = promulgationInfo == null ? new PromulgationInfo("", null) : promulgationInfo;
        documentType = documentType == null ? new DocumentType(null, null, "") : documentType;
        subject = Values.text(subject);
        content = Values.text(content);
        signerInfo = signerInfo == null ? new SignerInfo("", "", "") : signerInfo;
        dueDate = Values.opt(dueDate);
        toPlaces = Values.list(toPlaces);
        otherInfo = otherInfo == null ? OtherInfo.empty() : otherInfo;
        responseFor = Values.list(responseFor);
        steeringType = Values.optInt(steeringType);
        responseForTasks = Values.list(responseForTasks);
        applicationType = Values.opt(applicationType);
        extensions = Values.list(extensions);
    }

    /** The header of a package that has none: every field empty (what the reader gives for a missing block). */
    static MessageHeader absent() {
        return new MessageHeader(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.to.addAll(to);
        b.documentId = documentId;
        b.code = code;
        b.promulgationInfo = promulgationInfo;
        b.documentType = documentType;
        b.subject = subject;
        b.content = content;
        b.signerInfo = signerInfo;
        b.dueDate = dueDate.orElse(null);
        b.toPlaces.addAll(toPlaces);
        b.otherInfo = otherInfo;
        b.responseFor.addAll(responseFor);
        b.steeringType = steeringType;
        b.responseForTasks.addAll(responseForTasks);
        b.applicationType = applicationType.orElse(null);
        b.extensions.addAll(extensions);
        return b;
    }

    /** Builder of {@link MessageHeader}. When no {@code DocumentId} is set, it is derived from sender, date and code. */
    public static final class Builder {
        private Organization from;
        private final List<Organization> to = new ArrayList<>();
        private DocumentId documentId;
        private Code code;
        private PromulgationInfo promulgationInfo;
        private DocumentType documentType;
        private String subject;
        private String content;
        private SignerInfo signerInfo;
        private LocalDate dueDate;
        private final List<String> toPlaces = new ArrayList<>();
        private OtherInfo otherInfo;
        private final List<ResponseFor> responseFor = new ArrayList<>();
        private OptionalInt steeringType = OptionalInt.of(0);
        private final List<String> responseForTasks = new ArrayList<>();
        private String applicationType;
        private final List<XmlElement> extensions = new ArrayList<>();

        private Builder() {
        }

        /** The sender. */
        public Builder from(Organization value) {
            this.from = required(value, "from");
            return this;
        }

        /** Adds a receiver. */
        public Builder addTo(Organization value) {
            to.add(required(value, "to[" + to.size() + "]"));
            return this;
        }

        /** Replaces the receivers. */
        public Builder to(List<Organization> values) {
            ValidationException.requireElements(values, "MessageHeader.to");
            to.clear();
            to.addAll(values);
            return this;
        }

        /** The document id (derived from sender, date and code when not set). */
        public Builder documentId(DocumentId value) {
            this.documentId = required(value, "documentId");
            return this;
        }

        /** Số và ký hiệu. */
        public Builder code(String codeNumber, String codeNotation) {
            this.code = new Code(required(codeNumber, "code.codeNumber"), required(codeNotation, "code.codeNotation"));
            return this;
        }

        /** Nơi và ngày ban hành. */
        public Builder promulgation(String place, LocalDate date) {
            this.promulgationInfo = PromulgationInfo.of(required(place, "promulgationInfo.place"),
                    required(date, "promulgationInfo.promulgationDate"));
            return this;
        }

        /** Loại văn bản. */
        public Builder documentType(DocumentType value) {
            this.documentType = required(value, "documentType");
            return this;
        }

        /** Trích yếu. */
        public Builder subject(String value) {
            this.subject = required(value, "subject");
            return this;
        }

        /** Nội dung. */
        public Builder content(String value) {
            this.content = required(value, "content");
            return this;
        }

        /** Người ký. */
        public Builder signer(SignerInfo value) {
            this.signerInfo = required(value, "signerInfo");
            return this;
        }

        /** Hạn xử lý. */
        public Builder dueDate(LocalDate value) {
            this.dueDate = required(value, "dueDate");
            return this;
        }

        /** Adds a free-text place of the "Nơi nhận" list. */
        public Builder addToPlace(String value) {
            toPlaces.add(required(value, "toPlaces[" + toPlaces.size() + "]"));
            return this;
        }

        /** Thông tin khác. */
        public Builder otherInfo(OtherInfo value) {
            this.otherInfo = required(value, "otherInfo");
            return this;
        }

        /** Adds a document this one answers. */
        public Builder addResponseFor(ResponseFor value) {
            responseFor.add(required(value, "responseFor[" + responseFor.size() + "]"));
            return this;
        }

        /** {@code SteeringType} (default 0). */
        public Builder steeringType(int value) {
            this.steeringType = OptionalInt.of(value);
            return this;
        }

        /** Adds a {@code ResponseForTask/TaskCode}. */
        public Builder addResponseForTask(String taskCode) {
            responseForTasks.add(required(taskCode, "responseForTasks[" + responseForTasks.size() + "]"));
            return this;
        }

        /** {@code ApplicationType}. */
        public Builder applicationType(String value) {
            this.applicationType = required(value, "applicationType");
            return this;
        }

        /** Adds an extension element written after the known ones. */
        public Builder addExtension(XmlElement value) {
            extensions.add(required(value, "extensions[" + extensions.size() + "]"));
            return this;
        }

        /**
         * Builds the header. The fields QCVN 102 requires must be set; the rest (lengths, formats, ranges) is
         * {@link EdXmlValidator}'s job.
         *
         * @return the header
         * @throws ValidationException naming every missing field: {@code from}, {@code to} (at least one),
         *         {@code code} (number and notation not blank), {@code promulgationInfo.promulgationDate},
         *         {@code subject} (not blank)
         */
        public MessageHeader build() {
            List<FieldError> missing = new ArrayList<>();
            if (from == null) {
                missing.add(missing("from", "the sender (From) is required"));
            }
            if (to.isEmpty()) {
                missing.add(missing("to", "at least one receiver (To) is required"));
            }
            if (code == null || code.codeNumber().isBlank()) {
                missing.add(missing("code.codeNumber", "số (Code/CodeNumber) is required"));
            }
            if (code == null || code.codeNotation().isBlank()) {
                missing.add(missing("code.codeNotation", "ký hiệu (Code/CodeNotation) is required"));
            }
            if (promulgationInfo == null || promulgationInfo.promulgationDate().isEmpty()) {
                missing.add(missing("promulgationInfo.promulgationDate",
                        "the promulgation date (PromulgationInfo/PromulgationDate) is required"));
            }
            if (subject == null || subject.isBlank()) {
                missing.add(missing("subject", "trích yếu (Subject) is required"));
            }
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            DocumentId id = documentId;
            if (id == null) {
                id = DocumentId.of(from.organId(), promulgationInfo.promulgationDate().get(), code.codeNumber(),
                        code.codeNotation());
            }
            return new MessageHeader(from, to, id, code, promulgationInfo, documentType, subject, content, signerInfo,
                    Optional.ofNullable(dueDate), toPlaces, otherInfo, responseFor, steeringType, responseForTasks,
                    Optional.ofNullable(applicationType), extensions);
        }

        private static FieldError missing(String field, String rule) {
            return new FieldError("required", "MessageHeader." + field, rule);
        }

        private static <T> T required(T value, String field) {
            return ValidationException.requireNonNull(value, "MessageHeader." + field);
        }
    }
}
