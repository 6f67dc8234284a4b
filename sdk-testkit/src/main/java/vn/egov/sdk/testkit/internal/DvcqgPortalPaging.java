package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The simulated portal's paging of catalogue lists: a call with {@code pageIndex} (from 1, default 1) or
 * {@code pageSize} (default {@value #DEFAULT_PAGE_SIZE}, at most {@value #MAX_PAGE_SIZE}) gets that slice; a call
 * with neither gets the whole list (whether the real portal pages, and with which names, is not documented).
 */
final class DvcqgPortalPaging {
    /** The page size when only {@code pageIndex} is given. */
    static final int DEFAULT_PAGE_SIZE = 20;
    /** The largest page served. */
    static final int MAX_PAGE_SIZE = 1000;

    private DvcqgPortalPaging() {
    }

    /** Whether the paging fields, when present, are positive whole numbers. */
    static boolean valid(JsonNode call) {
        return number(call.get("pageIndex"), 1) > 0 && number(call.get("pageSize"), DEFAULT_PAGE_SIZE) > 0;
    }

    /** The page a {@linkplain #valid valid} call asks for, or the whole list when it asks for none. */
    static ArrayNode page(JsonNode call, ArrayNode items) {
        if (!call.has("pageIndex") && !call.has("pageSize")) {
            return items;
        }
        int index = number(call.get("pageIndex"), 1);
        int size = Math.min(number(call.get("pageSize"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
        int from = (int) Math.min((long) (index - 1) * size, items.size());
        int to = Math.min(from + size, items.size());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int k = from; k < to; k++) {
            out.add(items.get(k));
        }
        return out;
    }

    private static int number(JsonNode v, int absent) {
        if (v == null || v.isNull()) {
            return absent;
        }
        String t = v.asText().strip();
        return t.matches("\\d{1,9}") ? Integer.parseInt(t) : -1;
    }
}
