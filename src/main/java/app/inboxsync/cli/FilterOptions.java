package app.inboxsync.cli;

import app.inboxsync.read.ConversationFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * The desktop browser's filters on the command line, so {@code conversations list} and {@code export} pick the
 * same conversations the Conversations tab shows for the same choices (the same indexed word search).
 */
final class FilterOptions {
    @Option(names = "--search", paramLabel = "WORDS",
            description = "Only conversations where each word starts a word of the customer's name, the last message or any message (as in the app's search).")
    String search;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only conversations carrying this tag.")
    String tag;

    @Option(names = "--unread", description = "Only conversations with unread messages.")
    boolean unreadOnly;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Last message on or after this day (local time).")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last message on or before this day (local time).")
    LocalDate until;

    ConversationFilter forPage(String pageId) {
        return ConversationFilter.page(pageId).withSearch(search).withTag(tag).withUnreadOnly(unreadOnly)
                .withDays(since, until, ZoneId.systemDefault());
    }
}
