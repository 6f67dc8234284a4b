package vn.egov.sdk.payment;

import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The person or organisation who pays (người nộp). {@code toString} masks the identity number.
 *
 * @param name full name ({@code HoTenNguoiNop}), required
 * @param idNumber personal identity number or tax code ({@code SoCMNDNguoiNop}), if known
 * @param address street address ({@code DiaChiNguoiNop}), if known
 * @param district district ({@code HuyenNguoiNop}), if known
 * @param province province ({@code TinhNguoiNop}), if known
 */
public record Payer(String name, Optional<String> idNumber, Optional<String> address, Optional<String> district,
        Optional<String> province) {

    /**
     * Validates the components.
     *
     * @param name full name, required
     * @param idNumber identity number, if known
     * @param address street address, if known
     * @param district district, if known
     * @param province province, if known
     */
    public Payer {
        ValidationException.requireText(name, "Payer.name");
        ValidationException.requireNonNull(idNumber, "Payer.idNumber");
        ValidationException.requireNonNull(address, "Payer.address");
        ValidationException.requireNonNull(district, "Payer.district");
        ValidationException.requireNonNull(province, "Payer.province");
    }

    /**
     * A payer known by name only.
     *
     * @param name full name
     * @return the payer
     */
    public static Payer named(String name) {
        return new Payer(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy with the identity number.
     *
     * @param value the identity number or tax code
     * @return the copy
     */
    public Payer withIdNumber(String value) {
        return new Payer(name, Optional.of(ValidationException.requireText(value, "Payer.idNumber")), address,
                district, province);
    }

    /**
     * A copy with the address.
     *
     * @param street street address
     * @param districtName district
     * @param provinceName province
     * @return the copy
     */
    public Payer withAddress(String street, String districtName, String provinceName) {
        return new Payer(name, idNumber, Optional.ofNullable(street), Optional.ofNullable(districtName),
                Optional.ofNullable(provinceName));
    }

    @Override
    public String toString() {
        String masked = idNumber.map(v -> v.length() <= 3 ? "***" : "***" + v.substring(v.length() - 3))
                .orElse("none");
        return "Payer[name=" + name + ", idNumber=" + masked + "]";
    }
}
