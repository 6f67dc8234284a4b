package vn.egov.sdk.payment.paygov;

import java.net.URI;
import java.time.Duration;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.payment.testsupport.SandboxVendor;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.PayGovSandbox;

/** A vendor for the PayGov tests: a {@link PayGovClient} on the sandbox's /paygov/ and its callback endpoint. */
final class PayGovVendor extends SandboxVendor<PayGovClient> {

    PayGovVendor(NationalSandbox sandbox, PayGovClientBuilder client) {
        super(sandbox, client.build(), "/paygov-callback");
    }

    @Override
    protected void register(URI callbackUrl) {
        sandbox.payGov().callbackUrl(callbackUrl);
    }

    static ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.payGov().baseUrl())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5));
    }

    static PayGovClientBuilder standard(NationalSandbox sandbox) {
        return PayGovClient.builder().settings(settings(sandbox).build()).auth(sandbox.payGov().lgspAuth())
                .partner(PayGovSandbox.PARTNER_CODE, PayGovSandbox.ACCESS_KEY, Secret.of(PayGovSandbox.SECRET_KEY))
                .serviceCode(PayGovSandbox.SERVICE_CODE).unitCode("000.00.15.H12")
                .returnUrl(URI.create("https://dichvucong.example.gov.vn/paygov/return"))
                .inferredResultVerifier();
    }

    static PayGovClientBuilder dongThap(NationalSandbox sandbox) {
        return PayGovClient.builder().settings(settings(sandbox).build()).auth(sandbox.payGov().lgspAuth())
                .variant(PayGovVariant.DONG_THAP)
                .partner(PayGovSandbox.DONG_THAP_PARTNER_CODE, null, Secret.of(PayGovSandbox.DONG_THAP_SECRET_KEY))
                .unitCode("000.00.31.H20").accountPay("1234567890")
                .returnUrl(URI.create("https://dichvucong.dongthap.example.gov.vn/return"))
                .inferredResultVerifier();
    }
}
