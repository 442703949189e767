package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.MessageRow;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The thread view: who it is with, "Show older messages" when there are more, and the messages as bubbles. */
public final class ThreadPane extends VBox {
    private final ListView<MessageRow> list = new ListView<>();

    /** @param media the local media store for inline pictures, or null to show attachments as links */
    public ThreadPane(ThreadViewModel thread, Consumer<String> openLink, ZoneId zone, ThreadMedia media) {
        super(6);
        getStyleClass().add("thread-pane");
        setId("threadPane");
        Label title = new Label();
        title.getStyleClass().add("thread-title");
        title.textProperty().bind(thread.conversationProperty()
                .map(r -> r.senderName() == null ? "Facebook user" : r.senderName()).orElse(""));
        Button older = new Button("Show older messages");
        older.setId("olderMessagesButton");
        older.getStyleClass().add("flat");
        older.visibleProperty().bind(thread.hasOlderProperty());
        older.managedProperty().bind(older.visibleProperty());
        older.disableProperty().bind(thread.loadingProperty());
        older.setOnAction(e -> thread.loadOlder());
        Label status = new Label();
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(thread.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        list.setId("threadMessages");
        list.getStyleClass().add("thread-messages");
        list.setItems(thread.messages());
        list.setCellFactory(v -> new MessageCell(openLink, zone, media));
        VBox.setVgrow(list, Priority.ALWAYS);
        // Newest at the bottom: a new thread opens there; older messages added on top keep the reader's place.
        list.getItems().addListener((ListChangeListener<MessageRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getFrom() == 0 && change.getTo() < list.getItems().size()) {
                    int added = change.getAddedSize();
                    list.scrollTo(added == list.getItems().size() ? added - 1 : added);
                }
            }
        });
        getChildren().addAll(title, older, status, list);
    }
}
