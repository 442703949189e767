package app.inboxsync.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer to a Graph call, before it goes on the wire (or into a batch envelope). */
record Reply(int status, Map<String, String> headers, byte[] body, boolean dropConnection, boolean cutShort,
        Streaming streaming) {

    /** A body written as it goes (endless, huge, trickled); {@code length} -1 means chunked. */
    record Streaming(long length, Writer writer) {
    }

    @FunctionalInterface
    interface Writer {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    Reply(int status, Map<String, String> headers, byte[] body, boolean dropConnection, boolean cutShort) {
        this(status, headers, body, dropConnection, cutShort, null);
    }

    /** The same status and headers, the body written by {@code streaming} instead. */
    Reply streamed(Streaming how) {
        return new Reply(status, headers, body, dropConnection, cutShort, how);
    }

    static final String JSON = "application/json; charset=UTF-8";

    static Reply json(int status, byte[] body) {
        return new Reply(status, contentType(JSON), body, false, false);
    }

    static Reply text(int status, String body) {
        return new Reply(status, contentType("text/html; charset=UTF-8"), body.getBytes(StandardCharsets.UTF_8), false,
                false);
    }

    static Reply drop() {
        return new Reply(0, Map.of(), new byte[0], true, false);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, dropConnection, cutShort, streaming);
    }

    /** Cuts the body in half at an ASCII byte, so it is broken JSON but still valid UTF-8. */
    Reply truncated() {
        int cut = body.length / 2;
        while (cut > 0 && body[cut] < 0) {
            cut--;
        }
        byte[] half = new byte[cut];
        System.arraycopy(body, 0, half, 0, cut);
        return new Reply(status, headers, half, dropConnection, cutShort);
    }

    /** The whole answer is announced (Content-Length) but the connection closes after half of the body. */
    Reply cutMidBody() {
        return new Reply(status, headers, body, dropConnection, true);
    }

    Reply withBody(byte[] newBody) {
        return new Reply(status, headers, newBody, dropConnection, cutShort);
    }

    private static Map<String, String> contentType(String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", value);
        return headers;
    }
}
