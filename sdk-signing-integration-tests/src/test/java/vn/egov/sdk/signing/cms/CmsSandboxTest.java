package vn.egov.sdk.signing.cms;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * What the CMS tests share: a sandbox serving the test PKI (its timestamp authority among others), an HTTP runtime
 * for timestamp clients, and a verifier with the small test validator (issued by the test CA, valid at the time,
 * key usage; no revocation: the real validator is driven by the e2e tests).
 */
abstract class CmsSandboxTest {
    static NationalSandbox sandbox;
    static TestPki pki;
    static HttpRuntime runtime;
    static CmsVerifier verifier;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        runtime = HttpRuntime.builder().build();
        verifier = CmsVerifier.builder().validator(TestValidators.issuedBy(pki)).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        sandbox.close();
    }
}
