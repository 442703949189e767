package app.inboxsync.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Graph's error bodies: {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. */
final class GraphErrors {

    private static final JsonFactory JSON = new JsonFactory();

    private GraphErrors() {
    }

    static Reply error(int httpStatus, int code, int subcode, String message, long sequence) {
        String type = code == 100 && subcode == 33 ? "GraphMethodException" : "OAuthException";
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("message", message);
            g.writeStringField("type", type);
            g.writeNumberField("code", code);
            if (subcode != 0) {
                g.writeNumberField("error_subcode", subcode);
            }
            g.writeStringField("fbtrace_id", Ids.fbtraceId(sequence));
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.json(httpStatus, out.toByteArray());
    }

    static Reply invalidParameter(String message, long sequence) {
        return error(400, 100, 0, message.startsWith("(#100)") ? message : "(#100) " + message, sequence);
    }

    static Reply nonexistingField(String field, String nodeType, long sequence) {
        return invalidParameter("(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")",
                sequence);
    }

    static Reply unsupportedGet(String id, long sequence) {
        return error(400, 100, 33, "Unsupported get request. Object with ID '" + id + "' does not exist, cannot be "
                + "loaded due to missing permissions, or does not support this operation. Please read the Graph API "
                + "documentation at https://developers.facebook.com/docs/graph-api", sequence);
    }

    static Reply permissions(long sequence) {
        return error(403, 200, 0, "(#200) Permissions error", sequence);
    }
}
