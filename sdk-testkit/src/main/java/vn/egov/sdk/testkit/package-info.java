/**
 * The national sandbox: a local, stateful stand-in for Vietnam's national e-government platforms, for tests,
 * examples and manual experiments.
 *
 * <p>The platforms it simulates, each under its own path:
 * <ul>
 *   <li>{@code POST /oauth2/token}: OAuth2 client credentials (HTTP Basic or form client authentication),
 *       issuing opaque bearer tokens; client {@value NationalSandbox#DEFAULT_CLIENT_ID} /
 *       {@value NationalSandbox#DEFAULT_CLIENT_SECRET} is
 *       registered unless the builder says otherwise;</li>
 *   <li>{@code /demo/}: a small API needing a bearer token from the sandbox — {@code GET /demo/echo?msg=},
 *       {@code POST /demo/orders} (honours {@code Idempotency-Key}) — and {@code GET /demo/public}, which
 *       needs none;</li>
 *   <li>{@code /lgsp/}: the provincial LGSP "Liên thông văn bản" REST v1 axis, see {@link LgspSandbox};</li>
 *   <li>{@code /keypay/}: the Keypay DVCQG payment gateway, see {@link KeypaySandbox};</li>
 *   <li>{@code /vdxp/}: the national document axis (VDXP, HMAC header bundle), see {@link VdxpSandbox};</li>
 *   <li>{@code /smartca/}: VNPT SmartCA remote signing ("sp769" API), see {@link SmartCaSandbox};</li>
 *   <li>{@code /paygov/}: PayGov through a provincial LGSP, see {@link PayGovSandbox};</li>
 *   <li>{@code /dvcqg-pay/}: the DVCQG payment platform (INIT, QUERY, GET_BILL, payment page, callbacks), see
 *       {@link DvcqgPaySandbox};</li>
 *   <li>{@code /dvcqg/}: the national public-service portal's adapter, see {@link DvcqgPortalSandbox};</li>
 *   <li>{@code /sso/}: the national SSO identity provider (OpenID Connect, login page, VNeID claims), see
 *       {@link SsoSandbox}.</li>
 * </ul>
 *
 * <p>Start one with {@link vn.egov.sdk.testkit.NationalSandbox#start()}, or let
 * {@link vn.egov.sdk.testkit.NationalSandboxExtension} start one per JUnit 5 test class. Break it on purpose
 * with {@link vn.egov.sdk.testkit.NationalSandbox#faults()}.
 */
package vn.egov.sdk.testkit;
