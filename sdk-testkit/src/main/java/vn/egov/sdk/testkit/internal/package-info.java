/**
 * Implementation of the national sandbox: the WireMock wiring, the simulators and the fault presets.
 *
 * <p>Nothing here is public API; tests and vendors use {@link vn.egov.sdk.testkit.NationalSandbox} and its
 * companions in {@code vn.egov.sdk.testkit}. Types here may change in any release.
 *
 * <p>To add a national simulator (for example {@code /vdxp/}), implement {@link
 * vn.egov.sdk.testkit.internal.Simulator} for its path prefix and add an instance to the list {@link
 * vn.egov.sdk.testkit.internal.SandboxServices} hands to {@link vn.egov.sdk.testkit.internal.SimulatorRouter}.
 */
package vn.egov.sdk.testkit.internal;
