package app.inboxsync.graph;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Caps what one answer may be: one announced larger than {@code maxBytes} is refused before its body is read,
 * and one that goes on past it (an endless or unannounced body) is cut off there. Either way the reader gets
 * {@link TooLarge}, never an OutOfMemoryError.
 */
final class AnswerSizeCap implements Interceptor {
    private final long maxBytes;

    AnswerSizeCap(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        long announced = body.contentLength();
        if (announced > maxBytes) {
            response.close();
            throw new TooLarge(maxBytes);
        }
        BufferedSource capped = Okio.buffer(new Capped(body.source(), maxBytes));
        return response.newBuilder().body(ResponseBody.create(capped, body.contentType(), announced)).build();
    }

    /** Counts the bytes read through it and fails once there are more than the cap. */
    private static final class Capped extends ForwardingSource {
        private final long maxBytes;
        private long read;

        Capped(Source delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            }
            return n;
        }
    }

    /** The answer is larger than the cap; an IOException so it travels out of Jackson's reading as it is. */
    static final class TooLarge extends IOException {
        final long maxBytes;

        TooLarge(long maxBytes) {
            super("the answer was larger than " + megabytes(maxBytes));
            this.maxBytes = maxBytes;
        }
    }

    static String megabytes(long bytes) {
        return bytes >= (1L << 20) ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }
}
