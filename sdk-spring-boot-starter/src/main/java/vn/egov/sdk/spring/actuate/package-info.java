/**
 * Health and metrics of the SDK in a Spring Boot application: Micrometer meters with few, fixed tag values
 * ({@link vn.egov.sdk.spring.actuate.EgovMetricsAutoConfiguration}) and health indicators on Boot 3 and Boot 4
 * ({@link vn.egov.sdk.spring.actuate.EgovHealthAutoConfiguration}, thresholds in
 * {@link vn.egov.sdk.spring.actuate.EgovHealthProperties}, {@code egov.health.*}).
 */
package vn.egov.sdk.spring.actuate;
