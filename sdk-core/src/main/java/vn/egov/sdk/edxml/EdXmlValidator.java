package vn.egov.sdk.edxml;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.sdk.edxml.internal.RuleDocumentHeader;
import vn.egov.sdk.edxml.internal.RuleManifest;
import vn.egov.sdk.edxml.internal.RuleStatus;
import vn.egov.sdk.edxml.internal.RuleTrace;
import vn.egov.sdk.edxml.internal.ValidationContext;
import vn.egov.sdk.core.ValidationException;

/**
 * Checks an edXML package against the field rules of QCVN 102:2016 as the axes enforce them, and reports every
 * violation at once. Use it before sending and on receipt: the rules are the same, the caller decides what to do
 * with warnings ({@link EdXmlValidationReport#isValid()} ignores them,
 * {@link EdXmlValidationReport#throwIfInvalid()} throws on errors only). Immutable and thread-safe.
 *
 * <pre>{@code
 * EdXmlValidator.defaults().validate(pkg).throwIfInvalid();
 * EdXmlValidator strict = EdXmlValidator.builder().maxLength(EdXmlValidator.Limit.ORGAN_NAME, 200).build();
 * }</pre>
 *
 * <p>Lengths are counted in characters (code points of the NFC form), not in the Bkav checker's dot-separated
 * segments. Dates are compared with "today" in Asia/Ho_Chi_Minh by the validator's {@link Clock}.
 *
 * <p>Codes ({@code <prefix>.<path>}; {@code [i]} is a 1-based index; E = error, W = warning):
 * <table>
 * <caption>Rules of a document package</caption>
 * <tr><th>Code</th><th>Sev.</th><th>Rule</th></tr>
 * <tr><td>{@code N.MessageHeader.From.OrganId}</td><td>E</td><td>sender id required</td></tr>
 * <tr><td>{@code M.MessageHeader.From.OrganId}</td><td>W</td><td>sender id does not follow
 *     {@link #organIdPattern()} ({@code DDD.DD.DD.XDD})</td></tr>
 * <tr><td>{@code R.MessageHeader.From.OrganName}, {@code .OrganAdd}, {@code .Email}, {@code .Telephone},
 *     {@code .Fax}</td><td>E</td><td>longer than {@link Limit#ORGAN_NAME}, {@link Limit#ORGAN_ADD},
 *     {@link Limit#EMAIL}, {@link Limit#TELEPHONE}, {@link Limit#FAX}</td></tr>
 * <tr><td>{@code R.MessageHeader.From.Website}</td><td>W</td><td>longer than {@link Limit#WEBSITE} (20: a
 *     checker quirk)</td></tr>
 * <tr><td>{@code M.MessageHeader.From.Email}</td><td>E</td><td>not empty and not a well-formed address</td></tr>
 * <tr><td>{@code N.MessageHeader.To}</td><td>E</td><td>no receiver</td></tr>
 * <tr><td>{@code N.MessageHeader.To[i].OrganId}, {@code M.}, {@code R.}…</td><td>as {@code From}</td>
 *     <td>every {@code From} rule, for each receiver</td></tr>
 * <tr><td>{@code N.MessageHeader.DocumentId}</td><td>E</td><td>document id required</td></tr>
 * <tr><td>{@code M.MessageHeader.DocumentId}</td><td>W</td><td>not {@code <OrganId>,<yyyy/MM/dd>,<n>/<notation>},
 *     or (when well formed) its sender differs from {@code From.OrganId}</td></tr>
 * <tr><td>{@code N.MessageHeader.Code.CodeNumber}, {@code N.MessageHeader.Code.CodeNotation}</td><td>E</td>
 *     <td>số, ký hiệu required</td></tr>
 * <tr><td>{@code R.MessageHeader.Code.CodeNumber}, {@code R.MessageHeader.Code.CodeNotation}</td><td>E</td>
 *     <td>longer than {@link Limit#CODE_NUMBER} / {@link Limit#CODE_NOTATION}</td></tr>
 * <tr><td>{@code R.MessageHeader.PromulgationInfo.Place}</td><td>E</td><td>longer than
 *     {@link Limit#PROMULGATION_PLACE}</td></tr>
 * <tr><td>{@code N.MessageHeader.PromulgationInfo.PromulgationDate}</td><td>E</td><td>required</td></tr>
 * <tr><td>{@code T.MessageHeader.PromulgationInfo.PromulgationDate}</td><td>E</td><td>after today</td></tr>
 * <tr><td>{@code R.MessageHeader.DocumentType.Type}</td><td>E</td><td>not 1 or 2</td></tr>
 * <tr><td>{@code R.MessageHeader.DocumentType.TypeName}</td><td>E</td><td>longer than {@link Limit#TYPE_NAME}</td></tr>
 * <tr><td>{@code N.MessageHeader.Subject}</td><td>E</td><td>trích yếu required</td></tr>
 * <tr><td>{@code R.MessageHeader.Subject}, {@code R.MessageHeader.Content}</td><td>E</td><td>longer than
 *     {@link Limit#SUBJECT} / {@link Limit#CONTENT}</td></tr>
 * <tr><td>{@code T.MessageHeader.DueDate}</td><td>W</td><td>before the promulgation date</td></tr>
 * <tr><td>{@code R.MessageHeader.ToPlaces.Place[i]}</td><td>E</td><td>longer than {@link Limit#TO_PLACE}</td></tr>
 * <tr><td>{@code R.MessageHeader.OtherInfo.Priority}</td><td>E</td><td>not 0..4</td></tr>
 * <tr><td>{@code R.MessageHeader.OtherInfo.SphereOfPromulgation}, {@code .TyperNotation}</td><td>E</td>
 *     <td>longer than {@link Limit#SPHERE_OF_PROMULGATION} / {@link Limit#TYPER_NOTATION}</td></tr>
 * <tr><td>{@code R.MessageHeader.OtherInfo.PromulgationAmount}, {@code .PageAmount}</td><td>E</td>
 *     <td>not 0..65535</td></tr>
 * <tr><td>{@code R.MessageHeader.SteeringType}</td><td>E</td><td>not 0 or 1</td></tr>
 * <tr><td>{@code N.TraceHeaderList.TraceHeader[i].OrganId}, {@code .Timestamp}</td><td>E</td>
 *     <td>each hop names who and when (no pattern check: axes put system ids there)</td></tr>
 * <tr><td>{@code N.TraceHeaderList.Bussiness}</td><td>E</td><td>business block required</td></tr>
 * <tr><td>{@code N.TraceHeaderList.Bussiness.DocumentId}</td><td>E</td><td>revoke or update without the
 *     document concerned</td></tr>
 * <tr><td>{@code N.TraceHeaderList.Bussiness.BussinessDocumentInfo}</td><td>E</td><td>update without any
 *     {@code BussinessDocumentInfo}</td></tr>
 * <tr><td>{@code N.TraceHeaderList.Bussiness.ReplacementInfoList.ReplacementInfo}</td><td>E</td><td>replacement
 *     without any {@code ReplacementInfo}</td></tr>
 * <tr><td>{@code N.TraceHeaderList.Bussiness.ReplacementInfoList.ReplacementInfo[i].DocumentId}</td><td>E</td>
 *     <td>a {@code ReplacementInfo} without the replaced document's id</td></tr>
 * <tr><td>{@code N.Manifest.Reference[i].ContentId}, {@code N.Attachments[i].ContentId}</td><td>E</td>
 *     <td>content id required</td></tr>
 * <tr><td>{@code M.Manifest.Reference[i].ContentId}, {@code M.Attachments[i].ContentId}</td><td>W</td>
 *     <td>content id does not start with {@code cid:}</td></tr>
 * <tr><td>{@code M.Manifest.Reference[i]}</td><td>E</td><td>repeats an earlier reference's content id, or
 *     its content id matches no attachment or several</td></tr>
 * <tr><td>{@code M.Attachments[i]}</td><td>E</td><td>repeats an earlier attachment's content id, or its
 *     content id is in no manifest reference or in several</td></tr>
 * <tr><td>{@code N.Manifest.Reference[i].AttachmentName}, {@code N.Attachments[i].AttachmentName}</td>
 *     <td>E</td><td>file name required</td></tr>
 * <tr><td>{@code R.Manifest.Reference[i].AttachmentName}, {@code R.Attachments[i].AttachmentName}</td>
 *     <td>E</td><td>longer than {@link Limit#ATTACHMENT_NAME}</td></tr>
 * </table>
 *
 * <table>
 * <caption>Rules of a status package</caption>
 * <tr><th>Code</th><th>Sev.</th><th>Rule</th></tr>
 * <tr><td>{@code N./M./R.MessageHeader.From.*}</td><td>as above</td><td>the {@code From} rules of a document
 *     package</td></tr>
 * <tr><td>{@code N.MessageHeader.ResponseFor.OrganId}</td><td>E</td><td>original sender required</td></tr>
 * <tr><td>{@code M.MessageHeader.ResponseFor.OrganId}</td><td>W</td><td>does not follow the organ id pattern</td></tr>
 * <tr><td>{@code N.MessageHeader.ResponseFor.DocumentId}</td><td>E</td><td>original document id required</td></tr>
 * <tr><td>{@code N.MessageHeader.StaffInfo.Staff}</td><td>W</td><td>{@code StaffInfo} present without a name</td></tr>
 * <tr><td>{@code N.MessageHeader.StatusCode}</td><td>E</td><td>status code required</td></tr>
 * <tr><td>{@code R.MessageHeader.StatusCode}</td><td>W</td><td>not one of QĐ 28's codes
 *     ({@link EdocStatus#isKnown()})</td></tr>
 * <tr><td>{@code R.MessageHeader.Description}</td><td>E</td><td>longer than {@link Limit#STATUS_DESCRIPTION}</td></tr>
 * <tr><td>{@code N.MessageHeader.Timestamp}</td><td>E</td><td>required</td></tr>
 * <tr><td>{@code T.MessageHeader.Timestamp}</td><td>E</td><td>more than {@link #futureSkew()} ahead of now</td></tr>
 * <tr><td>{@code N.TraceHeaderList.TraceHeader[i].OrganId}, {@code .Timestamp}</td><td>E</td><td>when the
 *     package has a trace list</td></tr>
 * </table>
 */
public final class EdXmlValidator {
    /** The default organ id pattern, {@code DDD.DD.DD.XDD} (QĐ 20/2020; a practical reading, hence adjustable). */
    public static final Pattern DEFAULT_ORGAN_ID_PATTERN = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    /** The default tolerance for a status timestamp ahead of the validator's clock: 5 minutes. */
    public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofMinutes(5);

    private static final EdXmlValidator DEFAULTS = builder().build();

    private final Clock clock;
    private final Map<Limit, Integer> maxLengths;
    private final Pattern organIdPattern;
    private final Duration futureSkew;

    private EdXmlValidator(Builder b) {
        this.clock = b.clock;
        this.maxLengths = new EnumMap<>(b.maxLengths);
        this.organIdPattern = b.organIdPattern;
        this.futureSkew = b.futureSkew;
    }

    /**
     * A validator with the system clock and every default ({@link Limit} defaults, 5 minutes skew).
     *
     * @return a validator with the default settings
     */
    public static EdXmlValidator defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this validator's settings.
     *
     * @return a new builder pre-filled with this validator's clock, limits, organ id pattern and skew
     */
    public Builder toBuilder() {
        Builder b = new Builder().clock(clock).organIdPattern(organIdPattern).futureSkew(futureSkew);
        b.maxLengths.putAll(maxLengths);
        return b;
    }

    /**
     * Checks a package and reports every violation found, in the order of the package's elements.
     *
     * @param pkg a document or status package
     * @return the report; {@link EdXmlValidationReport#isValid()} when there is no error
     */
    public EdXmlValidationReport validate(EdXmlPackage pkg) {
        ValidationException.requireNonNull(pkg, "EdXmlValidator.pkg");
        ValidationContext ctx = new ValidationContext(this);
        if (pkg instanceof DocumentPackage doc) {
            RuleDocumentHeader.check(doc.header(), ctx);
            RuleTrace.checkDocument(doc.trace(), ctx);
            RuleManifest.check(doc.manifest(), doc.attachments(), ctx);
        } else if (pkg instanceof StatusPackage status) {
            RuleStatus.check(status, ctx);
        }
        return new EdXmlValidationReport(ctx.violations());
    }

    /**
     * The clock "today" and "now" are read from (in Asia/Ho_Chi_Minh).
     *
     * @return the clock given to the builder
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The maximum length in characters of a field.
     *
     * @param limit the field
     * @return the configured maximum, or the field's default
     */
    public int maxLength(Limit limit) {
        return maxLengths.getOrDefault(limit, limit.defaultMax());
    }

    /**
     * The pattern an organ id should follow; one that does not gets a warning.
     *
     * @return the organ id pattern
     */
    public Pattern organIdPattern() {
        return organIdPattern;
    }

    /**
     * How far a status package's timestamp may be ahead of the clock before it is an error.
     *
     * @return the tolerated skew, zero or positive
     */
    public Duration futureSkew() {
        return futureSkew;
    }

    /**
     * The configurable length limits, with the defaults of the Bkav provincial axis checker.
     * Those come from one province's checker; adjust them to the axis you talk to.
     */
    public enum Limit {
        /** {@code Subject}: 500. */
        SUBJECT(500),
        /** {@code Content}: 500. */
        CONTENT(500),
        /** {@code OrganName} of {@code From}/{@code To}: 500 (the checker is seen with 200 and 500). */
        ORGAN_NAME(500),
        /** {@code OrganAdd}: 500. */
        ORGAN_ADD(500),
        /** {@code Email}: 100. */
        EMAIL(100),
        /** {@code Telephone}: 20. */
        TELEPHONE(20),
        /** {@code Fax}: 20. */
        FAX(20),
        /** {@code Website}: 20, as the checker has it (a quirk; a violation is only a warning). */
        WEBSITE(20),
        /** {@code Code/CodeNumber}: 11. */
        CODE_NUMBER(11),
        /** {@code Code/CodeNotation}: 30. */
        CODE_NOTATION(30),
        /** {@code PromulgationInfo/Place}: 50. */
        PROMULGATION_PLACE(50),
        /** {@code DocumentType/TypeName}: 100. */
        TYPE_NAME(100),
        /** {@code OtherInfo/SphereOfPromulgation}: 100. */
        SPHERE_OF_PROMULGATION(100),
        /** {@code OtherInfo/TyperNotation}: 10. */
        TYPER_NOTATION(10),
        /** Each {@code ToPlaces/Place}: 150. */
        TO_PLACE(150),
        /** {@code AttachmentName} of a manifest reference or an attachment: 500. */
        ATTACHMENT_NAME(500),
        /** {@code Description} of a status package: 500. */
        STATUS_DESCRIPTION(500);

        private final int defaultMax;

        Limit(int defaultMax) {
            this.defaultMax = defaultMax;
        }

        /**
         * The default maximum length in characters.
         *
         * @return the default maximum length, in characters
         */
        public int defaultMax() {
            return defaultMax;
        }
    }

    /** Builder of {@link EdXmlValidator}; starts from the defaults. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private final Map<Limit, Integer> maxLengths = new EnumMap<>(Limit.class);
        private Pattern organIdPattern = DEFAULT_ORGAN_ID_PATTERN;
        private Duration futureSkew = DEFAULT_FUTURE_SKEW;

        private Builder() {
        }

        /**
         * The clock "today" and "now" come from (any zone: they are read in Asia/Ho_Chi_Minh). Default: the system
         * clock.
         *
         * @param value the clock; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "EdXmlValidator.clock");
            return this;
        }

        /**
         * The maximum length in characters of a field.
         *
         * @param limit the field
         * @param max the maximum, at least 0
         * @return this builder
         */
        public Builder maxLength(Limit limit, int max) {
            ValidationException.requireNonNull(limit, "EdXmlValidator.limit");
            if (max < 0) {
                throw ValidationException.of("negative", "EdXmlValidator.maxLength." + limit,
                        "a maximum length cannot be negative: " + max);
            }
            maxLengths.put(limit, max);
            return this;
        }

        /**
         * The pattern organ ids should follow (default {@link #DEFAULT_ORGAN_ID_PATTERN}); others get a warning.
         *
         * @param value the pattern an organ id must match in full
         * @return this builder
         */
        public Builder organIdPattern(Pattern value) {
            this.organIdPattern = ValidationException.requireNonNull(value, "EdXmlValidator.organIdPattern");
            return this;
        }

        /**
         * How far a status timestamp may be ahead of the clock (default 5 minutes, not negative).
         *
         * @param value the tolerated skew; zero or positive
         * @return this builder
         */
        public Builder futureSkew(Duration value) {
            ValidationException.requireNonNull(value, "EdXmlValidator.futureSkew");
            if (value.isNegative()) {
                throw ValidationException.of("negative", "EdXmlValidator.futureSkew",
                        "futureSkew cannot be negative: " + value);
            }
            this.futureSkew = value;
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return an immutable, thread-safe validator
         */
        public EdXmlValidator build() {
            return new EdXmlValidator(this);
        }
    }
}
