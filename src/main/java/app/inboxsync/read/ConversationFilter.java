package app.inboxsync.read;

import app.inboxsync.domain.Folder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which stored conversations the browser shows (and the export writes). Every part is optional.
 *
 * @param pageId     one Page's conversations, or null for every Page
 * @param search     words that must each start a word of the sender's name, the snippet or any message text
 * @param tag        only conversations carrying this tag
 * @param unreadOnly only conversations with unread messages
 * @param from       last message at or after this instant
 * @param until      last message before this instant
 * @param folder     only conversations in this Messenger folder, or null for every folder
 */
public record ConversationFilter(String pageId, String search, String tag, boolean unreadOnly, Instant from,
                                 Instant until, Folder folder) {
    public static final ConversationFilter ALL = new ConversationFilter(null, null, null, false, null, null, null);

    /** Every folder. */
    public ConversationFilter(String pageId, String search, String tag, boolean unreadOnly, Instant from, Instant until) {
        this(pageId, search, tag, unreadOnly, from, until, null);
    }

    public ConversationFilter {
        search = blankToNull(search);
        tag = blankToNull(tag);
        pageId = blankToNull(pageId);
    }

    public static ConversationFilter page(String pageId) {
        return ALL.withPage(pageId);
    }

    public ConversationFilter withPage(String p) {
        return new ConversationFilter(p, search, tag, unreadOnly, from, until, folder);
    }

    public ConversationFilter withSearch(String s) {
        return new ConversationFilter(pageId, s, tag, unreadOnly, from, until, folder);
    }

    public ConversationFilter withTag(String t) {
        return new ConversationFilter(pageId, search, t, unreadOnly, from, until, folder);
    }

    public ConversationFilter withUnreadOnly(boolean u) {
        return new ConversationFilter(pageId, search, tag, u, from, until, folder);
    }

    public ConversationFilter withDates(Instant f, Instant u) {
        return new ConversationFilter(pageId, search, tag, unreadOnly, f, u, folder);
    }

    public ConversationFilter withFolder(Folder f) {
        return new ConversationFilter(pageId, search, tag, unreadOnly, from, until, f);
    }

    /**
     * Whole days, as a person picks them: last message from the start of {@code firstDay} to the end of
     * {@code lastDay} (both included) in {@code zone}; either may be null for no bound.
     */
    public ConversationFilter withDays(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        return withDates(firstDay == null ? null : firstDay.atStartOfDay(zone).toInstant(),
                lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
