package vn.egov.sdk.identity.internal;

import java.util.Optional;
import java.util.function.Function;
import vn.egov.sdk.identity.DvcqgIdentity;

/** The masked {@code toString()} of a {@link DvcqgIdentity}: no name, no address, identifiers masked. */
public final class IdentityText {
    private IdentityText() {
    }

    /** Describes an identity for logs. */
    public static String describe(DvcqgIdentity id) {
        StringBuilder b = new StringBuilder("DvcqgIdentity[sub=").append(Masks.techId(id.subject()));
        b.append(", accountType=").append(id.accountType());
        add(b, "TechID", id.techId(), Masks::techId);
        add(b, "SoDinhDanh", id.personalIdNumber(), Masks::idNumber);
        add(b, "SoCMND", id.oldIdCardNumber(), Masks::idNumber);
        add(b, "MaBHXH", id.socialInsuranceNumber(), Masks::idNumber);
        add(b, "HoChieu", id.passportNumber(), Masks::idNumber);
        add(b, "MaSoThue", id.taxCode(), Masks::idNumber);
        add(b, "MaSoDoanhNghiep", id.enterpriseCode(), Masks::idNumber);
        add(b, "SoDienThoai", id.mobilePhone(), Masks::phone);
        add(b, "SoDienThoaiBan", id.landlinePhone(), Masks::phone);
        add(b, "ThuDienTu", id.email(), Masks::email);
        if (id.ial().isPresent()) {
            b.append(", IAL=").append(id.ial().getAsInt());
        }
        id.vneid().flatMap(v -> v.loginIdp()).ifPresent(i -> b.append(", loginIdp=").append(Masks.shortText(i)));
        if (!id.assuranceLevels().isEmpty()) {
            b.append(", loAs=").append(Masks.shortText(String.join(" ", id.assuranceLevels())));
        }
        b.append(", claims=").append(id.claims().size());
        if (!id.problems().isEmpty()) {
            b.append(", problems=").append(id.problems().size());
        }
        return b.append(']').toString();
    }

    private static void add(StringBuilder b, String name, Optional<String> value, Function<String, String> mask) {
        value.ifPresent(v -> b.append(", ").append(name).append('=').append(mask.apply(v)));
    }
}
