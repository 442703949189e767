package app.inboxsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves {@code /cdn/…/<n>_<picture>.<ext>}: no token, no Graph rate limit (a CDN is not the Graph API), a 403 for
 * an expired or forged link, a 404 for a file that is gone or never was.
 */
final class CdnHandler implements HttpHandler {

    private static final Pattern FILE = Pattern.compile("/cdn/.*/\\d+_(\\d+)\\.([a-z0-9]+)");

    private final CdnLinks links;

    CdnHandler(CdnLinks links) {
        this.links = links;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher m = FILE.matcher(path);
            CdnFiles.Kind kind = m.matches() ? CdnFiles.Kind.of(m.group(2)) : null;
            if (kind == null) {
                text(exchange, 404, "Content not found");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            CdnLinks.Refusal refusal = links.check(path, param(query, "oe"), param(query, "oh"));
            if (refusal != null) {
                text(exchange, refusal.status(), refusal.text());
                return;
            }
            CdnLinks.Breakage breakage = links.nextBreakage(path);
            if (breakage == CdnLinks.Breakage.UNAVAILABLE) {
                text(exchange, 503, "Service Unavailable");
                return;
            }
            long picture = Long.parseLong(m.group(1));
            long size = CdnFiles.size(kind, picture);
            exchange.getResponseHeaders().set("Content-Type", kind.mime);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=1209600, no-transform");
            if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, size);
            links.counted();
            OutputStream body = exchange.getResponseBody();
            long bps = links.bytesPerSecond();
            OutputStream sent = bps > 0 ? new Throttled(body, bps) : body;
            CdnFiles.write(kind, picture, breakage == CdnLinks.Breakage.DROPPED ? new DroppedAfter(sent, size / 2) : sent);
            body.flush();
        } catch (IOException e) {
            // the downloader went away mid-file (a cap, a cancel, a killed process): nothing to answer
        }
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Passes on the first {@code limit} bytes, then fails: the exchange closes the connection short of its length. */
    private static final class DroppedAfter extends FilterOutputStream {
        private long left;

        DroppedAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            out.write(b, off, n);
            left -= n;
            if (n < len) {
                out.flush();
                throw new IOException("connection dropped on purpose");
            }
        }
    }

    /** Writes in 8 KB steps, pausing so the rate stays at or below bytes per second. */
    private static final class Throttled extends FilterOutputStream {
        private final long bps;

        Throttled(OutputStream out, long bps) {
            super(out);
            this.bps = bps;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i += 8192) {
                int n = Math.min(8192, len - i);
                out.write(b, off + i, n);
                out.flush();
                GraphCalls.sleep(java.time.Duration.ofMillis(n * 1000L / bps));
            }
        }
    }
}
