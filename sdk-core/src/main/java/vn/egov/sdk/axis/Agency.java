package vn.egov.sdk.axis;

import java.util.Optional;

/**
 * An agency of the axis directory, in one of the two code systems, with the mapping between them.
 *
 * @param code the agency's code in the directory asked for (QĐ 20/2020 or QCVN 102)
 * @param name the agency's name
 * @param email its e-mail, "" if none
 * @param parentCode its parent's code, if given
 * @param otherCode the code in the other system ({@code oldCode} of the QCVN 102 list, {@code code102} of the QĐ 20
 *        list), if known
 */
public record Agency(String code, String name, String email, Optional<String> parentCode,
        Optional<String> otherCode) {
}
