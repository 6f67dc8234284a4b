package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSink;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Progress of the bytes an SDK client actually sends or receives: an OkHttp client with a network interceptor that
 * counts request or response body bytes as OkHttp writes them to the connection or reads them from it, handed to
 * the SDK through its public {@code ClientSettings.okHttpClient(...)} (the SDK sends with copies of it). Closing it
 * stops that client's threads and connections, which the SDK leaves to its owner.
 */
final class TransferProgress implements AutoCloseable {
    /** Which way the bytes counted go. */
    enum Direction {
        /** Request bodies (a package sent). */
        UPLOAD,
        /** Response bodies (a package fetched). */
        DOWNLOAD
    }

    private final OkHttpClient http;

    TransferProgress(Direction direction, PrintWriter err, String label) {
        ProgressBar bar = new ProgressBar(err, label, System::nanoTime);
        this.http = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            Request request = chain.request();
            if (direction == Direction.UPLOAD && request.body() != null) {
                request = request.newBuilder().method(request.method(), new Counted(request.body(), bar)).build();
            }
            Response response = chain.proceed(request);
            if (direction == Direction.DOWNLOAD) {
                return response.newBuilder().body(new CountedResponse(response.body(), bar)).build();
            }
            return response;
        }).build();
    }

    /**
     * The client to put in the SDK client's settings.
     *
     * @return the OkHttp client
     */
    OkHttpClient okHttpClient() {
        return http;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request body whose bytes are counted as the connection takes them. */
    private static final class Counted extends RequestBody {
        private final RequestBody body;
        private final ProgressBar bar;

        Counted(RequestBody body, ProgressBar bar) {
            this.body = body;
            this.bar = bar;
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return body.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return body.isOneShot();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            bar.start(contentLength());
            BufferedSink counting = Okio.buffer(new ForwardingSink(sink) {
                @Override
                public void write(Buffer source, long byteCount) throws IOException {
                    super.write(source, byteCount);
                    bar.advance(byteCount);
                }
            });
            body.writeTo(counting);
            counting.flush();
            bar.finish();
        }
    }

    /** A response body whose bytes are counted as they are read from the connection. */
    private static final class CountedResponse extends ResponseBody {
        private final ResponseBody body;
        private final BufferedSource source;

        CountedResponse(ResponseBody body, ProgressBar bar) {
            this.body = body;
            bar.start(body.contentLength());
            this.source = Okio.buffer(new ForwardingSource(body.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long read = super.read(sink, byteCount);
                    if (read < 0) {
                        bar.finish();
                    } else {
                        bar.advance(read);
                    }
                    return read;
                }

                @Override
                public void close() throws IOException {
                    bar.finish();
                    super.close();
                }
            });
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
