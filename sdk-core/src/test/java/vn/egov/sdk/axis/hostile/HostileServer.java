package vn.egov.sdk.axis.hostile;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on a bare socket that answers each request with whatever bytes a {@link Behaviour} writes: a
 * redirect, a broken {@code Content-Length}, garbage instead of HTTP, a body dribbled byte by byte, a reset. Nothing
 * in between normalises the answer, so the client sees exactly what a hostile or broken server would send.
 */
final class HostileServer implements AutoCloseable {

    /** A request as received. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** Writes one answer; returns whether the connection may serve another request. */
    @FunctionalInterface
    interface Behaviour {
        boolean answer(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Behaviour> behaviours;

    HostileServer(Function<Request, Behaviour> behaviours) throws IOException {
        this.behaviours = behaviours;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Replaces what the server answers. */
    void answerWith(Function<Request, Behaviour> value) {
        this.behaviours = value;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                boolean more = behaviours.apply(request).answer(request, socket, out);
                out.flush();
                if (!more) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test ended: nothing to report
        } finally {
            open.remove(socket);
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                b.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = b.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        if (b.size() == 0) {
            return null;
        }
        throw new EOFException("request ended inside a line");
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (SocketException ignored) {
                // already closed
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
