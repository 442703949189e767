package app.inboxsync.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Graph's JSON as it comes over the wire, kept apart from the domain records. Only the fields we read are
 * declared; JsonNode is used only for the parts copied verbatim as JSON (participants, attachments).
 */
final class Wire {
    private Wire() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paging(String next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConversationPage(List<Conversation> data, Paging paging) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conversation(
            String id,
            @JsonProperty("updated_time") String updatedTime,
            Participants participants,
            @JsonProperty("message_count") Integer messageCount,
            @JsonProperty("unread_count") Integer unreadCount,
            String snippet,
            @JsonProperty("can_reply") Boolean canReply,
            String link,
            MessagePage messages) {
    }

    /** {@code data} stays a tree: we pick the customer out of it and store it verbatim. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Participants(JsonNode data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessagePage(List<Message> data, Paging paging) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            String id,
            @JsonProperty("created_time") String createdTime,
            Person from,
            String message,
            JsonNode attachments,
            JsonNode sticker,
            JsonNode shares) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Me(String id, String name, String category) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountPage(List<Account> data, Paging paging) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code tasks} is null when Graph left it out (or was not asked): then the role is not known. */
    record Account(String id, String name, String category, @JsonProperty("access_token") String accessToken,
            List<String> tasks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(
            String message,
            String type,
            Integer code,
            @JsonProperty("error_subcode") Integer subcode,
            @JsonProperty("fbtrace_id") String fbtraceId) {
    }
}
