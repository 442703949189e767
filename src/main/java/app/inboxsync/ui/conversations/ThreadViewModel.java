package app.inboxsync.ui.conversations;

import app.inboxsync.app.background.Background;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.MessageRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One conversation as a chat, oldest message at the top. It opens on its newest {@link #PAGE} messages and
 * loads older ones a page at a time when asked, so a 10,000-message thread opens as fast as a short one.
 */
public final class ThreadViewModel {
    public static final int PAGE = 200;
    private final ConversationBrowsing browse;
    private final Background background;
    private final ReadOnlyObjectWrapper<ConversationRow> conversation = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MessageRow> messages = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ThreadFind find = new ThreadFind(messages);
    private long generation;

    public ThreadViewModel(ConversationBrowsing browse, Background background) {
        this.browse = browse;
        this.background = background;
    }

    /** Shows {@code row}'s newest messages (nothing when null). Showing the same conversation again keeps it. */
    public void show(ConversationRow row) {
        ConversationRow current = conversation.get();
        if (row != null && current != null && row.conversationId().equals(current.conversationId())) {
            conversation.set(row);
            return;
        }
        generation++;
        loading.set(false); // an answer for the previous conversation is dropped by the generation check
        conversation.set(row);
        messages.clear();
        hasOlder.set(false);
        status.set(row == null ? "Select a conversation to read it." : "");
        if (row != null) {
            loadOlder();
        }
    }

    /** Reads the conversation again from its newest page: a sync may have added messages. */
    public void refresh() {
        ConversationRow row = conversation.get();
        if (row != null) {
            conversation.set(null);
            show(row);
        }
    }

    /** Loads the page of messages just before the oldest shown, and puts it on top. */
    public void loadOlder() {
        ConversationRow row = conversation.get();
        if (row == null || loading.get()) {
            return;
        }
        long mine = generation;
        MessageRow oldest = messages.isEmpty() ? null : messages.get(0);
        loading.set(true);
        background.run("read the conversation", () -> browse.olderMessages(row.conversationId(), oldest, PAGE), page -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            List<MessageRow> oldestFirst = new ArrayList<>(page);
            Collections.reverse(oldestFirst);
            messages.addAll(0, oldestFirst);
            hasOlder.set(page.size() == PAGE);
            status.set(messages.isEmpty() ? "No messages are stored for this conversation." : "");
        }, message -> {
            if (mine == generation) {
                loading.set(false);
                status.set(message);
            }
        });
    }

    public ReadOnlyObjectProperty<ConversationRow> conversationProperty() {
        return conversation.getReadOnlyProperty();
    }

    /** Oldest first. */
    public ObservableList<MessageRow> messages() {
        return FXCollections.unmodifiableObservableList(messages);
    }

    /** The search words in this thread; they stay when another conversation is shown. */
    public ThreadFind find() {
        return find;
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
