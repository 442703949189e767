package app.inboxsync.graph;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per HTTP call: method, redacted URL, status (or failure) and time. Runs after
 * {@link GraphAuth}, so it sees the proof parameter — and redacts it; headers and bodies are never logged.
 */
final class CallLog implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        String url = GraphUrls.redacted(request.url());
        try {
            Response response = chain.proceed(request);
            LOG.debug("{} {} -> {} in {} ms", request.method(), url, response.code(), elapsedMs(start));
            return response;
        } catch (IOException e) {
            PageCall call = request.tag(PageCall.class);
            String reason = GraphFailures.networkReason(e, call == null ? null : call.token());
            LOG.debug("{} {} -> failed ({}) in {} ms", request.method(), url, reason, elapsedMs(start));
            throw e;
        }
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
