/**
 * The starter's provincial axis (LGSP v1) part: {@link vn.egov.sdk.spring.lgsp.EgovLgspProperties}
 * ({@code egov.lgsp.*}), the {@link vn.egov.sdk.axis.LgspAxisClient} bean
 * ({@link vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration}) and the provincial receive loop
 * ({@link vn.egov.sdk.spring.lgsp.EgovLgspReceiveAutoConfiguration}) with its own handler
 * ({@link vn.egov.sdk.spring.lgsp.LgspPackageHandler}) and checkpoints
 * ({@link vn.egov.sdk.spring.lgsp.LgspCheckpoints}).
 */
package vn.egov.sdk.spring.lgsp;
