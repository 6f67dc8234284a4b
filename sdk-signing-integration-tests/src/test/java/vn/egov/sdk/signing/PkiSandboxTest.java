package vn.egov.sdk.signing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * What the certificate validation tests share: a sandbox serving the test PKI (its OCSP responder and CRL under
 * {@code /pki/}), an HTTP runtime that does not retry (so a fault is seen as it is), a trust store holding the test
 * root, and no fault left armed after a test.
 */
public abstract class PkiSandboxTest {
    /** The sandbox, for the whole class. */
    protected static NationalSandbox sandbox;
    /** Its test PKI. */
    protected static TestPki pki;
    /** An HTTP runtime without retries, for the validators' OCSP and CRL calls. */
    protected static HttpRuntime http;
    /** Trusts the test PKI's root. */
    protected static TrustStore trust;

    /** Starts the sandbox; a subclass's own {@code @BeforeAll} runs after this one. */
    @BeforeAll
    protected static void startPkiSandbox() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        http = HttpRuntime.builder().settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
        trust = TrustStore.builder().trust(pki.root()).build();
    }

    /** Closes the runtime and the sandbox. */
    @AfterAll
    protected static void stopPkiSandbox() {
        http.close();
        sandbox.close();
    }

    /** Disarms the faults a test armed. */
    @AfterEach
    protected void clearFaults() {
        sandbox.faults().clear();
    }
}
