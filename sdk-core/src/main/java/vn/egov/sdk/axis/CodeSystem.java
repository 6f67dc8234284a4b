package vn.egov.sdk.axis;

/** The two agency code systems of the axis directory. */
public enum CodeSystem {
    /** Codes of the QCVN 102:2016 era ({@code getAgenciesList}; previous code in {@code oldCode}). */
    QCVN_102,
    /** Codes of QĐ 20/2020/QĐ-TTg ({@code getAgenciesListQD20}; legacy code in {@code code102}). */
    QD_20
}
