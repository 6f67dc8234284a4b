package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.CataloguePaging;
import vn.egov.sdk.dossier.DossierFormatException;

/** Reads a catalogue list whole or page by page, as {@link CataloguePaging} says. */
public final class CataloguePager {
    private static final Logger LOG = LoggerFactory.getLogger(CataloguePager.class);

    private CataloguePager() {
    }

    /**
     * Every item of a list service.
     *
     * @param call sends {@code (service, fields)} and returns the reply
     */
    public static ArrayNode read(String service, CataloguePaging paging,
            BiFunction<String, ObjectNode, AdapterReply> call) {
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        if (!paging.paged()) {
            return elements(service, call.apply(service, none).orThrow().result());
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        ArrayNode first = null;
        for (int i = 0; i < paging.maxPages(); i++) {
            int page = paging.firstPage() + i;
            ObjectNode fields = JsonNodeFactory.instance.objectNode().put(paging.pageParameter(), page)
                    .put(paging.sizeParameter(), paging.pageSize());
            ArrayNode items = elements(service, call.apply(service, fields).orThrow().result());
            if (first == null) {
                first = items;
            } else if (!items.isEmpty() && items.equals(first)) {
                LOG.debug("{} answered page {} as page {}: the portal does not page this list", service, page,
                        paging.firstPage());
                return all;
            }
            all.addAll(items);
            if (items.size() < paging.pageSize()) {
                return all;
            }
        }
        throw new AdapterException(service + " did not end after " + paging.maxPages() + " pages of "
                + paging.pageSize(), ErrorDetails.of(Fault.PLATFORM, false), null, service, null, false);
    }

    /** The items of a list reply: the result itself when an array, its {@code data} array, or none. */
    public static ArrayNode elements(String service, JsonNode result) {
        if (result == null || result.isMissingNode() || result.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (result.isArray()) {
            return (ArrayNode) result;
        }
        JsonNode data = result.get("data");
        if (data != null && data.isArray()) {
            return (ArrayNode) data;
        }
        throw new DossierFormatException(service + ".result", "json.notArray",
                "a list is required (" + result.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                        + " given)", null);
    }
}
