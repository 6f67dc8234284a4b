package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts WireMock's request into the simulators' {@link SimRequest}. */
public final class WireMockRequests {

    private WireMockRequests() {
    }

    /**
     * Copies method, path, query, headers and body out of a WireMock request.
     *
     * @param request the request WireMock received
     * @return the simulator request
     */
    public static SimRequest toSimRequest(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String query = q < 0 ? "" : url.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new SimRequest(request.getMethod().getName(), pathOf(url),
                UrlEncoded.parse(query), headers, request.getBody());
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
