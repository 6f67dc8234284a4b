package vn.egov.sdk.examples.boot;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a screen: keeps cookies, follows redirects, reads and posts forms. */
final class Browser {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Posts {@code fields} as a form to {@code uri}. */
    HttpResponse<String> post(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a JSON body to {@code uri}, as a payment platform calls back. */
    HttpResponse<String> postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * Submits the form with {@code id} of {@code page} with its hidden fields and {@code extra}, as a browser would.
     */
    HttpResponse<String> submit(HttpResponse<String> page, String id, Map<String, String> extra) {
        String html = page.body();
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(id) + "\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)"
                + "</form>", Pattern.DOTALL).matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form " + id + " on " + page.uri() + ":\n" + html);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")
                .matcher(form.group(2));
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        fields.putAll(extra);
        return post(page.uri().resolve(form.group(1).replace("&amp;", "&")), fields);
    }

    /** The text of the element with {@code id} (the pages' {@code <dd id="...">}). */
    static String byId(HttpResponse<String> page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no element " + id + " on " + page.uri() + ":\n" + page.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
