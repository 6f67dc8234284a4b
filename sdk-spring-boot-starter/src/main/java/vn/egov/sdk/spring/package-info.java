/**
 * The SDK's Spring Boot starter: {@link vn.egov.sdk.spring.EgovProperties} ({@code egov.*}), the national axis
 * client as an auto-configured bean ({@link vn.egov.sdk.spring.EgovAxisAutoConfiguration}) and the receive loop as
 * a managed lifecycle ({@link vn.egov.sdk.spring.EgovReceiveAutoConfiguration}).
 */
package vn.egov.sdk.spring;
