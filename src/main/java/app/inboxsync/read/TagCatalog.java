package app.inboxsync.read;

import java.util.List;
import java.util.Map;

/**
 * The tag manager's side of tags: every tag with its colour and how many conversations carry it, made before
 * use, renamed and deleted on every conversation at once.
 */
public interface TagCatalog {
    /** A tag as the manager lists it; {@code colour} is a palette name, null for the default. */
    record Tag(String name, String colour, int conversations) { }

    List<Tag> all();

    /** Every tag's colour by name (null for the default): the browser's chips. */
    Map<String, String> colours();

    /** Makes the tag (on no conversation yet); false when it exists already. */
    boolean create(String name, String colour);

    /** Gives the tag a colour (null: the default). */
    void colour(String name, String colour);

    /** Renames the tag on every conversation; onto an existing tag merges them. Returns how many changed. */
    int rename(String from, String to);

    /** Deletes the tag and takes it off every conversation; returns how many carried it. */
    int delete(String name);
}
