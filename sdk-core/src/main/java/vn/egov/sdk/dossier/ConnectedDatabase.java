package vn.egov.sdk.dossier;



/**
 * A national database the dossier was checked against (an element of {@code DSKetNoiCSDL} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param code {@code MaCSDL}: the database's code, for example {@code 7}
 */
public record ConnectedDatabase(
        String code) {
}
