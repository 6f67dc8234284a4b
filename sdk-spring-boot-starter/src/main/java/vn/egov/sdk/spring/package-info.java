/**
 * The SDK's Spring Boot starter (Spring Boot 3.5 and 4.0): {@link vn.egov.sdk.spring.EgovProperties}
 * ({@code egov.axis.*}), the national axis client as an auto-configured bean
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
 *
 * <p>The other parts live in sub-packages, each switched on by its settings and by the libraries on the class path:
 * {@code …spring.lgsp} (the provincial axis), {@code …spring.payment} (payment clients and callback endpoints),
 * {@code …spring.identity} (the national SSO and Spring Security), {@code …spring.signing} (keys, trust, SmartCA),
 * {@code …spring.dossier} (the DVCQG adapter and the dossier sync), {@code …spring.jdbc} (sdk-jdbc's stores when a
 * {@code DataSource} exists) and {@code …spring.actuate} (health indicators and Micrometer metrics). Every client's
 * settings pass through the application's {@link vn.egov.sdk.spring.EgovClientCustomizer} beans before it is built.
 */
package vn.egov.sdk.spring;
