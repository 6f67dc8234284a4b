package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts WireMock's request into the simulators' {@link SimRequest}: query, form fields and multipart parts as
 * WireMock's own request API parsed them (the sandbox has no parser of its own).
 */
public final class WireMockRequests {

    private WireMockRequests() {
    }

    /**
     * Copies method, path, query, headers, body, form fields and parts out of a WireMock request.
     *
     * @param request the request WireMock received
     * @return the simulator request
     * @throws IllegalArgumentException when the query string cannot be decoded
     */
    public static SimRequest toSimRequest(Request request) {
        String url = request.getUrl();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, QueryParameter> q : Urls.splitQueryFromUrl(url).entrySet()) {
            query.put(q.getKey(), q.getValue().values());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (Map.Entry<String, FormParameter> f : request.formParameters().entrySet()) {
            form.put(f.getKey(), f.getValue().values());
        }
        Map<String, SimRequest.Part> parts = new LinkedHashMap<>();
        if (request.isMultipart() && request.getParts() != null) {
            for (Request.Part part : request.getParts()) {
                if (part.getName() != null) {
                    parts.putIfAbsent(part.getName(), new SimRequest.Part(part.getName(), part.getBody().asBytes()));
                }
            }
        }
        return new SimRequest(request.getMethod().getName(), pathOf(url), query, headers, request.getBody(), form,
                parts);
    }

    /**
     * The path of a request URL, without its query string.
     *
     * @param url the URL as WireMock reports it ({@code /demo/echo?msg=hi})
     * @return the path ({@code /demo/echo})
     */
    public static String pathOf(String url) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        return path.isEmpty() ? "/" : path;
    }
}
