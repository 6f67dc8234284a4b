package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.CataloguePager;

/**
 * Reads the national catalogue (danh mục thủ tục hành chính) through a {@link DvcqgAdapterClient}'s share endpoint
 * into typed values: procedures ({@code LayDanhSachTTHC}, {@code LayThuTuc}), online services ({@code LayDVC}),
 * agencies ({@code LayDanhMucCoQuan}) and fields ({@code LayDanhMucLinhVuc}). Lists are read whole or page by page
 * as its {@link CataloguePaging} says. Reads are safe to repeat: the adapter client repeats them after a retryable
 * failure or an expired session.
 *
 * <pre>{@code
 * DvcqgCatalogueClient catalogue = DvcqgCatalogueClient.builder(adapter).paging(CataloguePaging.pages(100)).build();
 * for (Procedure p : catalogue.procedures()) { ... }
 * }</pre>
 *
 * <p>Thread-safe; it does not own the adapter client (close that one).
 */
public final class DvcqgCatalogueClient {
    private final DvcqgAdapterClient adapter;
    private final CataloguePaging paging;

    private DvcqgCatalogueClient(DvcqgAdapterClient adapter, CataloguePaging paging) {
        this.adapter = adapter;
        this.paging = paging;
    }

    /**
     * A builder over an adapter client.
     *
     * @param adapter the adapter client that carries the calls
     * @return a new builder, no paging by default
     * @throws ValidationException when {@code adapter} is {@code null}
     */
    public static Builder builder(DvcqgAdapterClient adapter) {
        return new Builder(ValidationException.requireNonNull(adapter, "adapter"));
    }

    /**
     * Every procedure ({@value DvcqgAdapterClient#PROCEDURES}), in the portal's order.
     *
     * @return the procedures
     * @throws AdapterException when the portal refuses or fails, or a list never ends
     * @throws DossierFormatException when the result is not a list of procedures
     */
    public List<Procedure> procedures() {
        return Procedure.parseAll(list(DvcqgAdapterClient.PROCEDURES));
    }

    /**
     * One procedure ({@value DvcqgAdapterClient#PROCEDURE}, {@code maTTHC}).
     *
     * @param maTTHC the procedure code, for example {@code 1.003560.000.00.00.H56}
     * @return the procedure
     * @throws ValidationException when the code is blank
     * @throws AdapterException of fault CALLER when the portal refuses (an unknown code), else when it fails
     * @throws DossierFormatException when the result is not a procedure
     */
    public Procedure procedure(String maTTHC) {
        ValidationException.requireText(maTTHC, "maTTHC");
        return Procedure.parse(adapter.share(DvcqgAdapterClient.PROCEDURE,
                JsonNodeFactory.instance.objectNode().put("maTTHC", maTTHC)).orThrow().result());
    }

    /**
     * Every online public service ({@value DvcqgAdapterClient#SERVICES}).
     *
     * @return the services
     * @throws AdapterException when the portal refuses or fails
     * @throws DossierFormatException when the result is not a list of services
     */
    public List<PublicService> services() {
        return PublicService.parseAll(list(DvcqgAdapterClient.SERVICES));
    }

    /**
     * Every agency ({@value DvcqgAdapterClient#AGENCIES}).
     *
     * @return the agencies
     * @throws AdapterException when the portal refuses or fails
     * @throws DossierFormatException when the result is not a list of agencies
     */
    public List<Agency> agencies() {
        return Agency.parseAll(list(DvcqgAdapterClient.AGENCIES));
    }

    /**
     * Every field of administration ({@value DvcqgAdapterClient#FIELDS}).
     *
     * @return the fields
     * @throws AdapterException when the portal refuses or fails
     * @throws DossierFormatException when the result is not a list of fields
     */
    public List<Field> fields() {
        return Field.parseAll(list(DvcqgAdapterClient.FIELDS));
    }

    /**
     * The paging this client uses.
     *
     * @return the paging
     */
    public CataloguePaging paging() {
        return paging;
    }

    private com.fasterxml.jackson.databind.node.ArrayNode list(String service) {
        return CataloguePager.read(service, paging, adapter::share);
    }

    @Override
    public String toString() {
        return "DvcqgCatalogueClient[" + adapter + ", " + paging + "]";
    }

    /** Builds a {@link DvcqgCatalogueClient}; get one from {@link DvcqgCatalogueClient#builder}. */
    public static final class Builder {
        private final DvcqgAdapterClient adapter;
        private CataloguePaging paging = CataloguePaging.none();

        private Builder(DvcqgAdapterClient adapter) {
            this.adapter = adapter;
        }

        /**
         * Sets how lists are paged.
         *
         * @param paging the paging, {@link CataloguePaging#none()} by default
         * @return this builder
         * @throws ValidationException when {@code paging} is {@code null}
         */
        public Builder paging(CataloguePaging paging) {
            this.paging = ValidationException.requireNonNull(paging, "paging");
            return this;
        }

        /**
         * The client.
         *
         * @return a new client
         */
        public DvcqgCatalogueClient build() {
            return new DvcqgCatalogueClient(adapter, paging);
        }
    }
}
