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
    /**
     * Normalises nulls.
     *
     * @param from the sending agency ({@code From})
     * @param to the receiving agencies ({@code To}); copied
     * @param documentId the document's id ({@code DocumentId})
     * @param code số and ký hiệu ({@code Code})
     * @param promulgationInfo place and date of promulgation ({@code PromulgationInfo})
     * @param documentType the document's type ({@code DocumentType})
     * @param subject trích yếu ({@code Subject})
     * @param content nội dung ({@code Content})
     * @param signerInfo the signer ({@code SignerInfo})
     * @param dueDate the processing deadline ({@code DueDate}), or empty
     * @param toPlaces nơi nhận as free text ({@code ToPlaces/Place}); copied
     * @param otherInfo {@code OtherInfo}
     * @param responseFor the documents this one answers ({@code ResponseFor}); copied
     * @param steeringType {@code SteeringType}, or empty
     * @param responseForTasks the {@code ResponseForTask/TaskCode} values; copied
     * @param applicationType {@code ApplicationType}, or empty
     * @param extensions unknown child elements kept in order; copied
     */
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

    /**
     * An empty builder; {@link Builder#build()} lists the required fields and derives a missing document id.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this header's values.
     *
     * @return a new builder pre-filled with every value of this header, including the document id
     */
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

        /**
         * The sender.
         *
         * @param value the sending agency ({@code From})
         * @return this builder
         */
        public Builder from(Organization value) {
            this.from = required(value, "from");
            return this;
        }

        /**
         * Adds a receiver.
         *
         * @param value one receiving agency ({@code To}), added after those already set
         * @return this builder
         */
        public Builder addTo(Organization value) {
            to.add(required(value, "to[" + to.size() + "]"));
            return this;
        }

        /**
         * Replaces the receivers.
         *
         * @param values the receiving agencies, in order; copied
         * @return this builder
         */
        public Builder to(List<Organization> values) {
            ValidationException.requireElements(values, "MessageHeader.to");
            to.clear();
            to.addAll(values);
            return this;
        }

        /**
         * The document id (derived from sender, date and code when not set).
         *
         * @param value the document id; when not set, {@link #build()} derives it from the sender's organ id, the
         *     promulgation date and the code
         * @return this builder
         */
        public Builder documentId(DocumentId value) {
            this.documentId = required(value, "documentId");
            return this;
        }

        /**
         * Số và ký hiệu.
         *
         * @param codeNumber số văn bản ({@code CodeNumber}), for example {@code 123}
         * @param codeNotation ký hiệu ({@code CodeNotation}), for example {@code QĐ-UBND}
         * @return this builder
         */
        public Builder code(String codeNumber, String codeNotation) {
            this.code = new Code(required(codeNumber, "code.codeNumber"), required(codeNotation, "code.codeNotation"));
            return this;
        }

        /**
         * Nơi và ngày ban hành.
         *
         * @param place nơi ban hành ({@code Place})
         * @param date ngày ban hành ({@code PromulgationDate})
         * @return this builder
         */
        public Builder promulgation(String place, LocalDate date) {
            this.promulgationInfo = PromulgationInfo.of(required(place, "promulgationInfo.place"),
                    required(date, "promulgationInfo.promulgationDate"));
            return this;
        }

        /**
         * Loại văn bản.
         *
         * @param value loại văn bản ({@code DocumentType})
         * @return this builder
         */
        public Builder documentType(DocumentType value) {
            this.documentType = required(value, "documentType");
            return this;
        }

        /**
         * Trích yếu.
         *
         * @param value trích yếu ({@code Subject}), the document's summary line
         * @return this builder
         */
        public Builder subject(String value) {
            this.subject = required(value, "subject");
            return this;
        }

        /**
         * Nội dung.
         *
         * @param value nội dung ({@code Content})
         * @return this builder
         */
        public Builder content(String value) {
            this.content = required(value, "content");
            return this;
        }

        /**
         * Người ký.
         *
         * @param value người ký ({@code SignerInfo})
         * @return this builder
         */
        public Builder signer(SignerInfo value) {
            this.signerInfo = required(value, "signerInfo");
            return this;
        }

        /**
         * Hạn xử lý.
         *
         * @param value hạn xử lý ({@code DueDate})
         * @return this builder
         */
        public Builder dueDate(LocalDate value) {
            this.dueDate = required(value, "dueDate");
            return this;
        }

        /**
         * Adds a free-text place of the "Nơi nhận" list.
         *
         * @param value one recipient as free text ({@code ToPlaces/Place})
         * @return this builder
         */
        public Builder addToPlace(String value) {
            toPlaces.add(required(value, "toPlaces[" + toPlaces.size() + "]"));
            return this;
        }

        /**
         * Thông tin khác.
         *
         * @param value thông tin khác ({@code OtherInfo})
         * @return this builder
         */
        public Builder otherInfo(OtherInfo value) {
            this.otherInfo = required(value, "otherInfo");
            return this;
        }

        /**
         * Adds a document this one answers.
         *
         * @param value the answered document ({@code ResponseFor})
         * @return this builder
         */
        public Builder addResponseFor(ResponseFor value) {
            responseFor.add(required(value, "responseFor[" + responseFor.size() + "]"));
            return this;
        }

        /**
         * {@code SteeringType} (default 0).
         *
         * @param value the {@code SteeringType} code
         * @return this builder
         */
        public Builder steeringType(int value) {
            this.steeringType = OptionalInt.of(value);
            return this;
        }

        /**
         * Adds a {@code ResponseForTask/TaskCode}.
         *
         * @param taskCode the task's code ({@code ResponseForTask/TaskCode})
         * @return this builder
         */
        public Builder addResponseForTask(String taskCode) {
            responseForTasks.add(required(taskCode, "responseForTasks[" + responseForTasks.size() + "]"));
            return this;
        }

        /**
         * {@code ApplicationType}.
         *
         * @param value the {@code ApplicationType} text
         * @return this builder
         */
        public Builder applicationType(String value) {
            this.applicationType = required(value, "applicationType");
            return this;
        }

        /**
         * Adds an extension element written after the known ones.
         *
         * @param value the element to keep and write back
         * @return this builder
         */
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
