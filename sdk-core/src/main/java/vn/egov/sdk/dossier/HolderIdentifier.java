package vn.egov.sdk.dossier;



/**
 * An identity number of the dossier's holder (an element of {@code DinhDanhCHS} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param type {@code LoaiDinhDanh}: {@code 1} a 12-digit personal id (CCCD), {@code 2} a 9-digit CMND
 * @param number {@code SoDinhDanh}: the number, digits only
 */
public record HolderIdentifier(
        String type,
        String number) {
}
