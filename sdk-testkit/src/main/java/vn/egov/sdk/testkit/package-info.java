/**
 * The national sandbox: a local, stateful stand-in for Vietnam's national e-government platforms, for tests,
 * examples and manual experiments.
 *
 * <p>Start one with {@link vn.egov.sdk.testkit.NationalSandbox#start()}, or let
 * {@link vn.egov.sdk.testkit.NationalSandboxExtension} start one per JUnit 5 test class. Break it on purpose
 * with {@link vn.egov.sdk.testkit.NationalSandbox#faults()}.
 */
package vn.egov.sdk.testkit;
