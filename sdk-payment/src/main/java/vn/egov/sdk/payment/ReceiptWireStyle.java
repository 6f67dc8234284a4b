package vn.egov.sdk.payment;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.egov.sdk.core.ValidationException;

/**
 * How a {@link ReceiptInfo} is written on the wire where integrators fill fields differently: the fee kind
 * ({@code LoaiPhiLePhi} {@code 1}/{@code 2} or the text {@code Phi}), the fee code ({@code MaPhiLePhi}: a fixed
 * {@code 2}, the line's own code or the {@code MaDVC}), the {@code MaDVC} when none is given (the {@code MaTTHC}
 * plus a suffix), the identity number sent for an unknown payer (nine zeros) and how over-long names are cut
 * (longer than 250 characters: the first 200 plus an ellipsis). The operator's integration document decides;
 * {@link #defaults()} follows OpenCPS with TD-ThanhHoa's cut and unknown-payer rule. Immutable.
 */
public final class ReceiptWireStyle {
    private final Function<FeeItem, String> feeKind;
    private final BiFunction<FeeItem, String, String> feeCode;
    private final String serviceCodeSuffix;
    private final String unknownPayerId;
    private final int nameLimit;
    private final int nameCut;
    private final Function<ServiceKind, String> serviceKind;

    private ReceiptWireStyle(Function<FeeItem, String> feeKind, BiFunction<FeeItem, String, String> feeCode,
            String serviceCodeSuffix, String unknownPayerId, int nameLimit, int nameCut,
            Function<ServiceKind, String> serviceKind) {
        this.serviceKind = serviceKind;
        this.feeKind = feeKind;
        this.feeCode = feeCode;
        this.serviceCodeSuffix = serviceCodeSuffix;
        this.unknownPayerId = unknownPayerId;
        this.nameLimit = nameLimit;
        this.nameCut = nameCut;
    }

    /**
     * OpenCPS's values: {@code LoaiPhiLePhi} {@code 1}/{@code 2}, {@code MaPhiLePhi} the line's code or {@code 2},
     * {@code MaDVC} = {@code MaTTHC} + {@code .01} when not given, nine zeros for an unknown payer, names over 250
     * characters cut to 200 plus {@code …}.
     *
     * @return the style
     */
    public static ReceiptWireStyle defaults() {
        return new ReceiptWireStyle(item -> item.kind().code(),
                (item, serviceCode) -> item.code().isEmpty() ? "2" : item.code(), ".01", "000000000", 250, 200,
                ServiceKind::code);
    }

    /**
     * TD-ThanhHoa's values: {@code LoaiPhiLePhi} the text {@code Phi}, {@code MaPhiLePhi} the {@code MaDVC}; the rest
     * as {@link #defaults()}.
     *
     * @return the style
     */
    public static ReceiptWireStyle thanhHoa() {
        return defaults().withFeeKind(item -> "Phi").withFeeCode((item, serviceCode) -> serviceCode);
    }

    /**
     * A copy writing {@code LoaiPhiLePhi} with this function.
     *
     * @param value the fee line to its kind's wire text
     * @return the copy
     */
    public ReceiptWireStyle withFeeKind(Function<FeeItem, String> value) {
        return new ReceiptWireStyle(ValidationException.requireNonNull(value, "ReceiptWireStyle.feeKind"), feeCode,
                serviceCodeSuffix, unknownPayerId, nameLimit, nameCut, serviceKind);
    }

    /**
     * A copy writing {@code MaPhiLePhi} with this function.
     *
     * @param value the fee line and the receipt's {@code MaDVC} to the wire text
     * @return the copy
     */
    public ReceiptWireStyle withFeeCode(BiFunction<FeeItem, String, String> value) {
        return new ReceiptWireStyle(feeKind, ValidationException.requireNonNull(value, "ReceiptWireStyle.feeCode"),
                serviceCodeSuffix, unknownPayerId, nameLimit, nameCut, serviceKind);
    }

    /**
     * A copy deriving a missing {@code MaDVC} as {@code MaTTHC} + this suffix (empty text: leave it empty).
     *
     * @param value the suffix, for example {@code .01}
     * @return the copy
     */
    public ReceiptWireStyle withServiceCodeSuffix(String value) {
        return new ReceiptWireStyle(feeKind, feeCode,
                ValidationException.requireNonNull(value, "ReceiptWireStyle.serviceCodeSuffix"), unknownPayerId,
                nameLimit, nameCut, serviceKind);
    }

    /**
     * A copy sending this for an unknown payer identity number (empty text: send nothing).
     *
     * @param value for example {@code 000000000}
     * @return the copy
     */
    public ReceiptWireStyle withUnknownPayerId(String value) {
        return new ReceiptWireStyle(feeKind, feeCode, serviceCodeSuffix,
                ValidationException.requireNonNull(value, "ReceiptWireStyle.unknownPayerId"), nameLimit, nameCut,
                serviceKind);
    }

    /**
     * A copy cutting names longer than {@code limit} characters to {@code cut} characters plus {@code …}.
     *
     * @param limit the longest name sent whole, 1 or more
     * @param cut how many characters a longer name keeps, 1 to {@code limit}
     * @return the copy
     */
    public ReceiptWireStyle withNameCut(int limit, int cut) {
        if (limit < 1 || cut < 1 || cut > limit) {
            throw ValidationException.of("range", "ReceiptWireStyle.nameCut",
                    "need 1 <= cut <= limit, was limit " + limit + " cut " + cut);
        }
        return new ReceiptWireStyle(feeKind, feeCode, serviceCodeSuffix, unknownPayerId, limit, cut, serviceKind);
    }

    /**
     * [INFERRED] A copy writing {@code MaDichVu} with this function. By default it is {@link ServiceKind#code()}:
     * {@code 2} for fees and charges (the value seen in use) and {@code 1} for fines, whose meaning is inferred from
     * the fine fields that variant carries; confirm it with the operator.
     *
     * @param value the receipt's kind to its wire code
     * @return the copy
     */
    public ReceiptWireStyle withServiceKind(Function<ServiceKind, String> value) {
        return new ReceiptWireStyle(feeKind, feeCode, serviceCodeSuffix, unknownPayerId, nameLimit, nameCut,
                ValidationException.requireNonNull(value, "ReceiptWireStyle.serviceKind"));
    }

    /**
     * The text of a field as this style writes it.
     *
     * @param receipt the receipt
     * @param field the field
     * @return the wire text, possibly empty
     */
    public String text(ReceiptInfo receipt, ReceiptInfo.Field field) {
        String value = receipt.text(field);
        switch (field) {
            case SERVICE_CODE:
                if (value.isEmpty() && !serviceCodeSuffix.isEmpty()
                        && !receipt.text(ReceiptInfo.Field.PROCEDURE_CODE).isEmpty()) {
                    return receipt.text(ReceiptInfo.Field.PROCEDURE_CODE) + serviceCodeSuffix;
                }
                return value;
            case PAYER_ID:
                return value.isEmpty() ? unknownPayerId : value;
            case SERVICE_NAME:
            case PROCEDURE_NAME:
                return cut(value);
            default:
                return value;
        }
    }

    /**
     * {@code MaDichVu} of a receipt.
     *
     * @param kind the receipt's kind
     * @return the wire code
     */
    public String serviceKind(ServiceKind kind) {
        return Objects.requireNonNullElse(serviceKind.apply(kind), "");
    }

    /**
     * {@code LoaiPhiLePhi} of a fee line.
     *
     * @param item the line
     * @return the wire text
     */
    public String feeKind(FeeItem item) {
        return Objects.requireNonNullElse(feeKind.apply(item), "");
    }

    /**
     * {@code MaPhiLePhi} of a fee line.
     *
     * @param receipt the receipt it is on
     * @param item the line
     * @return the wire text
     */
    public String feeCode(ReceiptInfo receipt, FeeItem item) {
        return Objects.requireNonNullElse(feeCode.apply(item, text(receipt, ReceiptInfo.Field.SERVICE_CODE)), "");
    }

    private String cut(String name) {
        if (name.codePointCount(0, name.length()) <= nameLimit) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, nameCut)) + "…";
    }

    @Override
    public String toString() {
        return "ReceiptWireStyle[suffix=" + serviceCodeSuffix + ", nameLimit=" + nameLimit + ", nameCut=" + nameCut
                + "]";
    }
}
