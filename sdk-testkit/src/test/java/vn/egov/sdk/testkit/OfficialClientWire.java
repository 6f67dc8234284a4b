package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The requests of the official national-axis client SDKVXP 2.0.1 as they were captured
 * byte for byte, rebuilt by this test code (none of the SDK's signing code is used) and sent over a bare socket, so
 * every byte is the one written here. Like the official service object, an instance keeps its logical headers in one
 * {@link HashMap} (so they come out in a {@code HashMap}'s order, and a call's headers stay for the next calls) and
 * stamps its {@code timestamp} once, when it is created.
 */
final class OfficialClientWire {
    static final String PREFIX = "XroadVnpt-";
    static final String USER_AGENT = "JAVASDKAgent/1.0.0 XRoad/VPCP";
    static final String VERSION = "3.0.201608";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as written and what came back. */
    record Exchange(byte[] request, int status, JsonNode answer) {
        String requestText() {
            return new String(request, StandardCharsets.UTF_8);
        }
    }

    private final URI endpoint;
    private final String secret;
    /** The service object's header map: insertion order and bucket order as in the official client. */
    private final Map<String, String> headers = new HashMap<>();

    /**
     * A service object created at {@code createdAt}: its timestamp, written once, is that instant.
     *
     * @param endpoint the axis' base URL ({@code .../vdxp})
     * @param systemId the system id
     * @param secret the system's secret
     * @param createdAt when the service object was made
     */
    OfficialClientWire(String endpoint, String systemId, String secret, Instant createdAt) {
        this.endpoint = URI.create(endpoint);
        this.secret = secret;
        headers.put("timestamp", timestamp(createdAt));
        headers.put("systemid", systemId);
    }

    /**
     * {@code ddMMyyyy'T'HHmmss+SSSS} by {@code SimpleDateFormat}: {@code +} is a literal, {@code SSSS} the
     * millisecond padded to four digits. The official client uses the JVM's default zone; an agency's server in
     * Vietnam runs in {@code Asia/Ho_Chi_Minh}.
     */
    static String timestamp(Instant at) {
        SimpleDateFormat f = new SimpleDateFormat("ddMMyyyy'T'HHmmss+SSSS");
        f.setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        return f.format(Date.from(at));
    }

    /** SHA-256 with each byte written by {@code Integer.toHexString(b & 0xff)}: no zero padding. */
    static String unpaddedSha256(byte[] file) {
        StringBuilder sb = new StringBuilder();
        for (byte b : sha256(file)) {
            sb.append(Integer.toHexString(b & 0xff));
        }
        return sb.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header map's keys as the official client joins them into {@code sign-header-key}. */
    String signHeaderKey() {
        return String.join(";", headers.keySet());
    }

    /**
     * {@code sendEdoc}: the file, then CRLF unless {@code crlf} is false, as {@code application/octet-stream}.
     *
     * @param call the call's headers ({@code from}, {@code servicetype}, {@code messagetype}, {@code hash-file})
     * @param file the edXML file
     * @param crlf whether the official CRLF follows the file
     * @param hmacSecret the secret the HMAC is made with (the system's, or another to test a refusal)
     */
    Exchange sendEdoc(Map<String, String> call, byte[] file, boolean crlf, String hmacSecret) throws IOException {
        headers.putAll(call);
        headers.put("Content-Type", "application/octet-stream");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(file);
        if (crlf) {
            body.writeBytes(new byte[] {'\r', '\n'});
        }
        return send("/sendEdoc", body.toByteArray(), "application/octet-stream", hmacSecret, Map.of());
    }

    /** Another call: an empty body, {@code Content-Type: application/json}. */
    Exchange post(String operation, Map<String, String> call) throws IOException {
        return post(operation, call, Map.of());
    }

    /**
     * Another call with headers sent but not put into the signed map ({@code extraSent}), to test a refusal.
     */
    Exchange post(String operation, Map<String, String> call, Map<String, String> extraSent) throws IOException {
        headers.putAll(call);
        headers.put("Content-Type", "application/json");
        return send("/" + operation, new byte[0], "application/json", secret, extraSent);
    }

    private Exchange send(String path, byte[] body, String contentType, String hmacSecret,
            Map<String, String> extraSent) throws IOException {
        Map<String, String> wire = new LinkedHashMap<>();
        StringBuilder signHeader = new StringBuilder("{");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            wire.put(PREFIX + h.getKey(), h.getValue());
            signHeader.append(signHeader.length() > 1 ? "," : "").append('"').append(PREFIX).append(h.getKey())
                    .append("\":\"").append(h.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        signHeader.append('}');
        wire.put(PREFIX + "sign-header-key", signHeaderKey());
        wire.put(PREFIX + "sign-header", signHeader.toString());
        wire.put(PREFIX + "hash-header", hmacHex(hmacSecret, signHeader.toString()));
        wire.put(PREFIX + "version", VERSION);
        wire.put("User-Agent", USER_AGENT);
        wire.put("Cache-Control", "no-cache");
        wire.put("Pragma", "no-cache");
        wire.put("Content-Type", contentType);
        wire.putAll(extraSent);
        StringBuilder head = new StringBuilder("POST " + endpoint.getRawPath() + path + " HTTP/1.1\r\n");
        head.append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
        wire.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        return exchange(request.toByteArray());
    }

    static String hmacHex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Exchange exchange(byte[] request) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.getInputStream().transferTo(received);
        }
        byte[] raw = received.toByteArray();
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Exchange(request, status, JSON.readTree(body));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.writeBytes(in.readNBytes(size));
            in.read();
            in.read();
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers in the answer");
    }
}
