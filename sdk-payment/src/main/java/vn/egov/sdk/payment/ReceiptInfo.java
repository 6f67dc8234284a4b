package vn.egov.sdk.payment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/**
 * What the receipt (biên lai) of a payment says: {@code ThongTinBienLai} of the DVCQG payment platform, the
 * {@code bill_info} of Keypay. The text fields are named by {@link Field} (their wire names); the fee lines
 * ({@code PhiLePhi}), the paid items ({@code DSKhoanNop}) and the fine's details are typed. Values that integrators
 * fill differently (fee kind codes, {@code MaPhiLePhi}, the {@code MaDVC} suffix, an unknown payer id, long names)
 * are written by a {@link ReceiptWireStyle}, not fixed here. Immutable; build one with {@link #builder(long)}.
 */
public final class ReceiptInfo {

    /** The text fields of a receipt, with their wire names. */
    public enum Field {
        /** {@code MaDonVi}: the collecting agency's code, for example {@code 000.00.00.G17}. */
        AGENCY_CODE("MaDonVi"),
        /** {@code TenDonVi}: the collecting agency's name. */
        AGENCY_NAME("TenDonVi"),
        /** {@code MaHoSo}: the dossier's code. */
        DOSSIER_CODE("MaHoSo"),
        /** {@code MaDVC}: the public service's code (a style may derive it from {@link #PROCEDURE_CODE}). */
        SERVICE_CODE("MaDVC"),
        /** {@code TenDVC}: the public service's name. */
        SERVICE_NAME("TenDVC"),
        /** {@code MaTTHC}: the administrative procedure's code. */
        PROCEDURE_CODE("MaTTHC"),
        /** {@code TenTTHC}: the administrative procedure's name. */
        PROCEDURE_NAME("TenTTHC"),
        /** {@code TKThuHuong}: the beneficiary account. */
        BENEFICIARY_ACCOUNT("TKThuHuong"),
        /** {@code MaNHThuHuong}: the beneficiary bank's code. */
        BENEFICIARY_BANK("MaNHThuHuong"),
        /** {@code TenTKThuHuong}: the beneficiary account's name. */
        BENEFICIARY_NAME("TenTKThuHuong"),
        /** {@code NoiDungThanhToan}: what the payment is for. */
        CONTENT("NoiDungThanhToan"),
        /** {@code HoTenNguoiNop}: the payer's name. */
        PAYER_NAME("HoTenNguoiNop"),
        /** {@code SoCMNDNguoiNop}: the payer's identity number (a style fills an unknown one). */
        PAYER_ID("SoCMNDNguoiNop"),
        /** {@code DiaChiNguoiNop}: the payer's address. */
        PAYER_ADDRESS("DiaChiNguoiNop"),
        /** {@code HuyenNguoiNop}: the payer's district. */
        PAYER_DISTRICT("HuyenNguoiNop"),
        /** {@code TinhNguoiNop}: the payer's province. */
        PAYER_PROVINCE("TinhNguoiNop"),
        /** {@code MaCoQuanQD}: the deciding agency's code. */
        DECIDING_AGENCY_CODE("MaCoQuanQD"),
        /** {@code TenCoQuanQD}: the deciding agency's name. */
        DECIDING_AGENCY_NAME("TenCoQuanQD"),
        /** {@code TaiKhoanThuNSNN}: the state budget account. */
        BUDGET_ACCOUNT("TaiKhoanThuNSNN");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        /**
         * The field's name on the wire.
         *
         * @return for example {@code MaDonVi}
         */
        public String wireName() {
            return wireName;
        }
    }

    private final ServiceKind serviceKind;
    private final long amount;
    private final Map<Field, String> text;
    private final List<FeeItem> fees;
    private final List<PaymentItem> items;
    private final Optional<FineDetails> fine;

    private ReceiptInfo(Builder b) {
        this.serviceKind = b.serviceKind;
        this.amount = b.amount;
        this.text = Collections.unmodifiableMap(new EnumMap<>(b.text));
        this.fees = List.copyOf(b.fees);
        this.items = List.copyOf(b.items);
        this.fine = Optional.ofNullable(b.fine);
    }

    /**
     * A builder for a fee receipt of this amount.
     *
     * @param amount the total in whole VND
     * @return the builder
     */
    public static Builder builder(long amount) {
        return new Builder(amount);
    }

    /**
     * What the receipt collects ({@code MaDichVu}).
     *
     * @return fees or a fine
     */
    public ServiceKind serviceKind() {
        return serviceKind;
    }

    /**
     * The total in whole VND; the fee lines and the items each add up to it.
     *
     * @return the amount
     */
    public long amount() {
        return amount;
    }

    /**
     * A text field.
     *
     * @param field the field
     * @return its value, or empty text when it was not given
     */
    public String text(Field field) {
        return text.getOrDefault(field, "");
    }

    /**
     * The fee lines ({@code PhiLePhi}).
     *
     * @return the lines, in order
     */
    public List<FeeItem> fees() {
        return fees;
    }

    /**
     * The paid items ({@code DSKhoanNop}).
     *
     * @return the items, in order, possibly none
     */
    public List<PaymentItem> items() {
        return items;
    }

    /**
     * The fine's details, for a {@link ServiceKind#FINE} receipt.
     *
     * @return the details, or empty for fees
     */
    public Optional<FineDetails> fine() {
        return fine;
    }

    @Override
    public String toString() {
        return "ReceiptInfo[" + serviceKind + ", " + amount + " VND, dossier=" + text(Field.DOSSIER_CODE)
                + ", fees=" + fees.size() + ", items=" + items.size() + "]";
    }

    /** Builds a {@link ReceiptInfo}. Not thread-safe. */
    public static final class Builder {
        private final long amount;
        private ServiceKind serviceKind = ServiceKind.FEE;
        private final Map<Field, String> text = new EnumMap<>(Field.class);
        private final List<FeeItem> fees = new ArrayList<>();
        private final List<PaymentItem> items = new ArrayList<>();
        private FineDetails fine;

        private Builder(long amount) {
            this.amount = amount;
        }

        /**
         * Sets a text field; {@code null} or empty text removes it.
         *
         * @param field the field
         * @param value its value
         * @return this builder
         */
        public Builder set(Field field, String value) {
            ValidationException.requireNonNull(field, "ReceiptInfo.field");
            if (value == null || value.isEmpty()) {
                text.remove(field);
            } else {
                text.put(field, value);
            }
            return this;
        }

        /**
         * The collecting agency.
         *
         * @param code {@code MaDonVi}
         * @param name {@code TenDonVi}
         * @return this builder
         */
        public Builder agency(String code, String name) {
            return set(Field.AGENCY_CODE, code).set(Field.AGENCY_NAME, name);
        }

        /**
         * The dossier ({@code MaHoSo}), required by {@link #build()}; {@code null} clears it.
         *
         * @param code the dossier's code
         * @return this builder
         */
        public Builder dossierCode(String code) {
            return set(Field.DOSSIER_CODE, code);
        }

        /**
         * The administrative procedure.
         *
         * @param code {@code MaTTHC}
         * @param name {@code TenTTHC}
         * @return this builder
         */
        public Builder procedure(String code, String name) {
            return set(Field.PROCEDURE_CODE, code).set(Field.PROCEDURE_NAME, name);
        }

        /**
         * The public service.
         *
         * @param code {@code MaDVC}
         * @param name {@code TenDVC}
         * @return this builder
         */
        public Builder service(String code, String name) {
            return set(Field.SERVICE_CODE, code).set(Field.SERVICE_NAME, name);
        }

        /**
         * The beneficiary account.
         *
         * @param account {@code TKThuHuong}
         * @param bankCode {@code MaNHThuHuong}
         * @param accountName {@code TenTKThuHuong}
         * @return this builder
         */
        public Builder beneficiary(String account, String bankCode, String accountName) {
            return set(Field.BENEFICIARY_ACCOUNT, account).set(Field.BENEFICIARY_BANK, bankCode)
                    .set(Field.BENEFICIARY_NAME, accountName);
        }

        /**
         * What the payment is for ({@code NoiDungThanhToan}); {@code null} clears it.
         *
         * @param value the content
         * @return this builder
         */
        public Builder content(String value) {
            return set(Field.CONTENT, value);
        }

        /**
         * The payer's name, identity number and address.
         *
         * @param payer the payer
         * @return this builder
         */
        public Builder payer(Payer payer) {
            ValidationException.requireNonNull(payer, "ReceiptInfo.payer");
            set(Field.PAYER_NAME, payer.name());
            set(Field.PAYER_ID, payer.idNumber().orElse(null));
            set(Field.PAYER_ADDRESS, payer.address().orElse(null));
            set(Field.PAYER_DISTRICT, payer.district().orElse(null));
            return set(Field.PAYER_PROVINCE, payer.province().orElse(null));
        }

        /**
         * Adds a fee line.
         *
         * @param item the line
         * @return this builder
         */
        public Builder fee(FeeItem item) {
            fees.add(ValidationException.requireNonNull(item, "ReceiptInfo.fees"));
            return this;
        }

        /**
         * Adds a paid item.
         *
         * @param item the item
         * @return this builder
         */
        public Builder item(PaymentItem item) {
            items.add(ValidationException.requireNonNull(item, "ReceiptInfo.items"));
            return this;
        }

        /**
         * Makes this a fine receipt ({@code MaDichVu 1}) with its details.
         *
         * @param details the fine's details
         * @return this builder
         */
        public Builder fine(FineDetails details) {
            this.fine = ValidationException.requireNonNull(details, "ReceiptInfo.fine");
            this.serviceKind = ServiceKind.FINE;
            return this;
        }

        /**
         * Builds the receipt.
         *
         * @return the receipt
         * @throws ValidationException naming every field that breaks a rule, all at once
         */
        public ReceiptInfo build() {
            List<FieldError> errors = new ArrayList<>();
            if (amount <= 0) {
                errors.add(new FieldError("positive", "ReceiptInfo.amount", "the amount must be above 0 VND"));
            }
            if (!text.containsKey(Field.DOSSIER_CODE)) {
                errors.add(new FieldError("required", "ReceiptInfo.MaHoSo", "the dossier code is required"));
            }
            if (serviceKind == ServiceKind.FEE && fees.isEmpty()) {
                errors.add(new FieldError("required", "ReceiptInfo.PhiLePhi",
                        "a fee receipt needs at least one fee line"));
            }
            checkSum(errors, "ReceiptInfo.PhiLePhi", "the fee lines", fees.stream().mapToLong(FeeItem::amount));
            checkSum(errors, "ReceiptInfo.DSKhoanNop", "the items", items.stream().mapToLong(PaymentItem::amount));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new ReceiptInfo(this);
        }

        private void checkSum(List<FieldError> errors, String path, String what, java.util.stream.LongStream amounts) {
            long[] values = amounts.toArray();
            if (values.length == 0) {
                return;
            }
            long total = 0;
            for (long v : values) {
                total = v > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + v;
            }
            if (total != amount) {
                errors.add(new FieldError("sum", path, what + " add up to " + total + " VND, not the amount "
                        + amount + " VND"));
            }
        }
    }
}
