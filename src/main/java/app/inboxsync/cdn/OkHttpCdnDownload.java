package app.inboxsync.cdn;

import app.inboxsync.media.CdnDownload;
import app.inboxsync.media.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads from Facebook's CDN (or the simulator's) with a client of its own: no token is sent (a CDN link is
 * signed by itself), no Graph rate limit is spent, and the body is hashed as it is written to the temporary file,
 * stopping as soon as it passes the size cap.
 */
public final class OkHttpCdnDownload implements CdnDownload, AutoCloseable {

    private final OkHttpClient http;

    public OkHttpCdnDownload(Duration readTimeout) {
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(8, 20, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .followRedirects(true) // CDNs redirect between edges; nothing secret travels with the request
                .build();
    }

    @Override
    public Result download(String url, long maxBytes, Path temp) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return new Result.Refused(400, "not a web link");
        }
        try (Response r = http.newCall(new Request.Builder().url(parsed).get().build()).execute()) {
            ResponseBody body = r.body();
            if (r.code() >= 500 || r.code() == 429 || r.code() == 408) {
                return new Result.Broken("The CDN answered " + r.code() + " " + r.message());
            }
            if (r.code() >= 300) {
                String text = body == null ? "" : new String(body.byteStream().readNBytes(200)).trim();
                return new Result.Refused(r.code(), text.isEmpty() ? r.message() : text);
            }
            if (body == null) {
                return new Result.Broken("The CDN sent no body");
            }
            long length = body.contentLength();
            if (length > maxBytes) {
                return new Result.TooLarge(length);
            }
            MessageDigest digest = Sha256.digest();
            long written = 0;
            try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    written += n;
                    if (written > maxBytes) {
                        return new Result.TooLarge(-1);
                    }
                    digest.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (length >= 0 && written != length) {
                return new Result.Broken("The CDN sent " + written + " of " + length + " bytes");
            }
            return new Result.Fetched(Sha256.hex(digest), written);
        } catch (IOException e) {
            return new Result.Broken("The download broke off: " + (e.getMessage() == null ? "connection lost" : e.getMessage()));
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
