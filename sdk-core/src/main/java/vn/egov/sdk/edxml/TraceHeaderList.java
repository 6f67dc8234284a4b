package vn.egov.sdk.edxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.edxml.internal.Values;

/**
 * The route and business block of a package ({@code TraceHeaderList}).
 *
 * @param traceHeaders each hop, oldest first ({@code TraceHeader})
 * @param business the business block ({@code Bussiness})
 * @param attributes attributes of the list element as sent ({@code id}, {@code version}, SOAP-style
 *        {@code mustUnderstand} / {@code actor}), by qualified name
 */
public record TraceHeaderList(List<TraceHeader> traceHeaders, Optional<Business> business,
        Map<String, String> attributes) {
    /**
     * Normalises nulls.
     *
     * @param traceHeaders each hop, oldest first ({@code TraceHeader})
     * @param business the business block ({@code Bussiness})
     * @param attributes attributes of the list element as sent ({@code id}, {@code version}, SOAP-style
     *     {@code mustUnderstand} / {@code actor}), by qualified name
     */
    public TraceHeaderList {
        traceHeaders = Values.list(traceHeaders);
        business = Values.opt(business);
        attributes = Values.attributes(attributes);
    }

    /**
     * A list with one hop and a business block.
     *
     * @param first the first hop, the sender's
     * @param business the business block
     * @return a trace list with that hop and block
     */
    public static TraceHeaderList of(TraceHeader first, Business business) {
        return new TraceHeaderList(List.of(first), Optional.ofNullable(business), Map.of());
    }

    /**
     * A copy with one more hop at the end, as each system that handles the package adds.
     *
     * @param hop the hop to append
     * @return a list equal to this one with {@code hop} at the end
     */
    public TraceHeaderList withHop(TraceHeader hop) {
        List<TraceHeader> hops = new ArrayList<>(traceHeaders);
        hops.add(hop);
        return new TraceHeaderList(hops, business, attributes);
    }
}
