package vn.egov.sdk.examples.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's own settings ({@code sample.*}): who this agency is on the axis (the {@code From} of its replies) and
 * the fee it charges per dossier.
 *
 * @param organId this agency's organ id ({@code 000.00.00.H41})
 * @param organName its name
 * @param feeAmount the fee of one dossier, in VND
 */
@ConfigurationProperties(prefix = "sample")
public record SampleProperties(String organId, String organName, long feeAmount) {
}
