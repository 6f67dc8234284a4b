package vn.egov.sdk.dossier;



/**
 * A paper handed in besides the listed components (an element of {@code DanhSachTepDinhKemKhac} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param name {@code TenGiayTo}: the paper's name
 * @param quantity {@code SoLuong}: how many copies, digits only
 * @param kind {@code LoaiGiayTo}: the paper's type code
 */
public record OtherAttachment(
        String name,
        String quantity,
        String kind) {
}
