package vn.egov.sdk.testkit.dossier;

import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** An adapter client logged in to the sandbox's simulated portal, for the catalogue, rating and question tests. */
final class CatalogueTestAdapters {
    private CatalogueTestAdapters() {
    }

    static DvcqgAdapterClient adapter(NationalSandbox sandbox) {
        DvcqgPortalSandbox portal = sandbox.dvcqg();
        return DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(portal.adapterUrl()).build())
                .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                .madonvi(DvcqgPortalSandbox.MADONVI).dstcode(DvcqgPortalSandbox.DSTCODE)
                .build();
    }
}
