/**
 * The SDK's Spring Boot starter (Spring Boot 3.5 and 4.0): {@link vn.egov.sdk.spring.EgovProperties}
 * ({@code egov.*}), the national axis client as an auto-configured bean
 * ({@link vn.egov.sdk.spring.EgovAxisAutoConfiguration}) and the receive loop as a managed lifecycle
 * ({@link vn.egov.sdk.spring.EgovReceiveAutoConfiguration}, {@link vn.egov.sdk.spring.ReceiveLoopLifecycle}).
 *
 * <p>With the starter on the class path, these settings give the application a
 * {@link vn.egov.sdk.axis.VdxpAxisClient} bean, and, with a {@link vn.egov.sdk.axis.PackageHandler} bean of the
 * application's, a receive loop that starts with the context and drains and stops with it:
 * <pre>
 * egov.axis.url=https://axis.example.gov.vn
 * egov.axis.system-id=my.system
 * # egov.axis.secret from the environment: EGOV_AXIS_SECRET
 * egov.axis.read-timeout=30s
 * egov.axis.receive.enabled=true
 * egov.axis.receive.checkpoint-file=/var/lib/my-app/egov-checkpoints.log
 * egov.axis.receive.interval=30s
 * </pre>
 * A {@link vn.egov.sdk.axis.CheckpointStore} bean of the application's (for example sdk-jdbc's) replaces the file
 * store, a {@link vn.egov.sdk.axis.StatusEventListener} bean receives status packages, and an application's own
 * {@code VdxpAxisClient} bean replaces the auto-configured one. A broken or missing setting stops the start-up with
 * Boot's failure report naming the property and the rule; the secret is never printed.
 */
package vn.egov.sdk.spring;
