package app.inboxsync.store.read;

import app.inboxsync.read.ConversationTagging;
import app.inboxsync.read.TagCatalog;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The tag manager's side of tags (V8's {@code conversation_tags}): every tag with its colour and how many
 * conversations carry it, made before use, renamed and deleted on every conversation at once. Conversations carry
 * names ({@link ConversationTags}); a tag in use without a row (written by an older version) is listed too.
 */
public final class TagCatalogQueries implements TagCatalog {

    private static final String LIST = """
            WITH used AS (SELECT t AS name, count(*)::int4 AS n FROM messenger_conversations c, unnest(c.tags) AS t GROUP BY t)
            SELECT coalesce(k.name, u.name) AS name, k.colour, coalesce(u.n, 0) AS n
              FROM conversation_tags k FULL JOIN used u ON u.name = k.name
             ORDER BY lower(coalesce(k.name, u.name)), coalesce(k.name, u.name)
            """;
    private final DataSource dataSource;

    public TagCatalogQueries(Database database) {
        this(database.dataSource());
    }

    public TagCatalogQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<Tag> all() {
        return Transaction.read(dataSource, "read the tags", c -> {
            try (PreparedStatement s = c.prepareStatement(LIST); ResultSet rs = s.executeQuery()) {
                List<Tag> tags = new ArrayList<>();
                while (rs.next()) {
                    tags.add(new Tag(rs.getString("name"), rs.getString("colour"), rs.getInt("n")));
                }
                return tags;
            }
        });
    }

    /** Every tag's colour by name (null for the default): the browser's chips; one small read, no count. */
    @Override
    public java.util.Map<String, String> colours() {
        return Transaction.read(dataSource, "read the tag colours", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, colour FROM conversation_tags");
                 ResultSet rs = s.executeQuery()) {
                java.util.Map<String, String> colours = new java.util.HashMap<>();
                while (rs.next()) {
                    colours.put(rs.getString(1), rs.getString(2));
                }
                return colours;
            }
        });
    }

    /** Makes the tag (on no conversation yet); false when it exists already. */
    @Override
    public boolean create(String name, String colour) {
        String t = required(name);
        return Transaction.run(dataSource, "create the tag", c -> insert(c, t, colour) == 1);
    }

    /** Gives the tag a colour (null: the default); made if it had no row. */
    @Override
    public void colour(String name, String colour) {
        String t = required(name);
        Transaction.run(dataSource, "colour the tag", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_tags (name, colour) VALUES (?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET colour = excluded.colour")) {
                s.setString(1, t);
                s.setString(2, colour);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Renames the tag on every conversation in one transaction; renaming onto an existing tag merges them (a
     * conversation carrying both keeps one). Returns how many conversations changed.
     */
    @Override
    public int rename(String from, String to) {
        String old = required(from);
        String renamed = required(to);
        if (old.equals(renamed)) {
            return 0;
        }
        return Transaction.run(dataSource, "rename the tag", c -> {
            int changed;
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE messenger_conversations
                       SET tags = CASE WHEN tags @> ARRAY[?]::text[] THEN array_remove(tags, ?) ELSE array_replace(tags, ?, ?) END
                     WHERE tags @> ARRAY[?]::text[]""")) {
                s.setString(1, renamed);
                s.setString(2, old);
                s.setString(3, old);
                s.setString(4, renamed);
                s.setString(5, old);
                changed = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_tags (name, colour) "
                    + "SELECT ?, (SELECT colour FROM conversation_tags WHERE name = ?) ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, renamed);
                s.setString(2, old);
                s.executeUpdate();
            }
            delete(c, old);
            return changed;
        });
    }

    /** Deletes the tag and takes it off every conversation; returns how many carried it. */
    @Override
    public int delete(String name) {
        String t = required(name);
        return Transaction.run(dataSource, "delete the tag", c -> {
            int changed;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE messenger_conversations SET tags = array_remove(tags, ?) WHERE tags @> ARRAY[?]::text[]")) {
                s.setString(1, t);
                s.setString(2, t);
                changed = s.executeUpdate();
            }
            delete(c, t);
            return changed;
        });
    }

    /** Gives a tag just put on conversations its row, if it had none. */
    static void ensure(Connection c, String name) throws SQLException {
        insert(c, name, null);
    }

    private static int insert(Connection c, String name, String colour) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO conversation_tags (name, colour) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, name);
            s.setString(2, colour);
            return s.executeUpdate();
        }
    }

    private static void delete(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM conversation_tags WHERE name = ?")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    private static String required(String name) {
        String t = ConversationTagging.normalize(name);
        if (t == null) {
            throw new IllegalArgumentException("A tag needs a name.");
        }
        return t;
    }
}
