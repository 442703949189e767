package app.inboxsync.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Messenger folders a page's conversations live in; the default listing does not show them all. */
public enum Folder {
    INBOX("inbox"), PAGE_DONE("page_done"), OTHER("other"), SPAM("spam");

    public static final List<Folder> ALL = List.of(INBOX, PAGE_DONE, OTHER, SPAM);

    private final String wireName;

    Folder(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
