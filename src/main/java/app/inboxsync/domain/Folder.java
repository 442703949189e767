package app.inboxsync.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Messenger folders a page's conversations live in; the default listing does not show them all. */
public enum Folder {
    INBOX("inbox", "Inbox"), PAGE_DONE("page_done", "Done"), OTHER("other", "Other"), SPAM("spam", "Spam");

    public static final List<Folder> ALL = List.of(INBOX, PAGE_DONE, OTHER, SPAM);

    private final String wireName;
    private final String humanName;

    Folder(String wireName, String humanName) {
        this.wireName = wireName;
        this.humanName = humanName;
    }

    /** The name Graph and the database use ({@code folder=page_done}). */
    public String wireName() {
        return wireName;
    }

    /** The name an admin reads (Business Suite's): the one place the UI takes folder names from. */
    public String humanName() {
        return humanName;
    }

    /** The folder of a stored {@code messenger_conversations.folder}, or null for a name this version does not know. */
    public static Folder stored(String name) {
        if (name == null) {
            return null;
        }
        for (Folder f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    public static Folder parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Folder f : values()) {
            if (f.wireName.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown folder '" + name + "'. Use one of: inbox, page_done, other, spam.");
    }

    /** Parses a comma separated list such as {@code inbox,spam}; duplicates are dropped, order kept. */
    public static List<Folder> parseList(String list) {
        List<Folder> folders = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Folder f = parse(part);
            if (!folders.contains(f)) {
                folders.add(f);
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("No folder given. Use one or more of: inbox, page_done, other, spam.");
        }
        return List.copyOf(folders);
    }
}
