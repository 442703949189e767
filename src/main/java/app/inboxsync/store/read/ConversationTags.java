package app.inboxsync.store.read;

import app.inboxsync.read.ConversationTagging;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Tags are the admins' own data in {@code messenger_conversations.tags}; the sync never writes that column, so
 * a re-sync (full or incremental) keeps them. A tag exists while at least one conversation carries it.
 */
public final class ConversationTags implements ConversationTagging {
    /** Longer tags would not fit a table cell or a filter box; they are cut, not refused. */
    private final DataSource dataSource;

    public ConversationTags(Database database) {
        this(database.dataSource());
    }

    public ConversationTags(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Adds the tag to each conversation that does not carry it yet; returns how many changed. */
    @Override
    public int add(Collection<String> conversationIds, String tag) {
        return change("UPDATE messenger_conversations SET tags = array_append(tags, ?) "
                + "WHERE conversation_id = ANY (?) AND NOT tags @> ARRAY[?]::text[]", conversationIds, tag, "tag", true);
    }

    /** Removes the tag from each conversation carrying it; returns how many changed. */
    @Override
    public int remove(Collection<String> conversationIds, String tag) {
        return change("UPDATE messenger_conversations SET tags = array_remove(tags, ?) "
                + "WHERE conversation_id = ANY (?) AND tags @> ARRAY[?]::text[]", conversationIds, tag, "untag", false);
    }

    private int change(String sql, Collection<String> conversationIds, String tag, String verb, boolean adding) {
        String t = ConversationTagging.normalize(tag);
        if (t == null || conversationIds.isEmpty()) {
            return 0;
        }
        return Transaction.run(dataSource, verb + " the conversations", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Array ids = c.createArrayOf("text", conversationIds.toArray());
                s.setString(1, t);
                s.setArray(2, ids);
                s.setString(3, t);
                int changed = s.executeUpdate();
                if (changed > 0 && adding) {
                    TagCatalogQueries.ensure(c, t); // the tag manager lists it, with its colour
                }
                return changed;
            }
        });
    }

    /** Every tag in use on the Page's conversations (all Pages when {@code pageId} is null), sorted. */
    @Override
    public List<String> inUse(String pageId) {
        boolean allPages = pageId == null;
        String sql = "SELECT DISTINCT t FROM messenger_conversations c, unnest(c.tags) AS t"
                + (allPages ? "" : " WHERE c.page_id = ?") + " ORDER BY t";
        return Transaction.read(dataSource, "read the tags", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (pageId != null) {
                    s.setString(1, pageId);
                }
                List<String> tags = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tags.add(rs.getString(1));
                    }
                }
                return tags;
            }
        });
    }
}
