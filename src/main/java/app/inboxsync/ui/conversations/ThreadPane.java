package app.inboxsync.ui.conversations;

import app.inboxsync.read.MessageRow;
import app.inboxsync.ui.common.EmojiText;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The thread view: who it is with, a find bar (the list's search words, highlighted, with next / previous),
 * "Show older messages" when there are more, and the messages as a chat that opens at the newest.
 */
public final class ThreadPane extends VBox {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private final ListView<MessageRow> list = new ListView<>();
    private final ThreadMedia media;

    /** @param media the local media store for inline pictures, or null to show attachments as links */
    public ThreadPane(ThreadViewModel thread, Consumer<String> openLink, ZoneId zone, ThreadMedia media) {
        super(6);
        this.media = media;
        getStyleClass().add("thread-pane");
        setId("threadPane");
        Label title = new Label();
        title.setId("threadTitle");
        title.getStyleClass().add("thread-title");
        thread.conversationProperty().subscribe(r -> EmojiText.show(title, r == null ? ""
                : r.senderName() == null ? "Facebook user" : r.senderName()));
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
        list.setCellFactory(v -> new MessageCell(openLink, zone, media, thread.find()));
        list.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                MessageCell.copy(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        NewestInView newest = new NewestInView(list);
        // Newest at the bottom: a thread opens there; older messages added on top keep the reader's place. This
        // listener runs after the find's (made first, with the view model), so its scroll is the one that stays.
        list.getItems().addListener((ListChangeListener<MessageRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getFrom() == 0) {
                    int added = change.getAddedSize();
                    boolean wholeThread = added == list.getItems().size();
                    if (wholeThread) {
                        newest.follow(); // also when the search words are in it: they are marked, "next" goes there
                    } else {
                        list.scrollTo(added);
                    }
                }
            }
        });
        ThreadFind find = thread.find();
        find.currentProperty().subscribe(hit -> {
            list.refresh(); // the highlights are drawn by the cells
            if (hit != null) {
                list.scrollTo(Math.max(0, hit.message() - 1)); // the hit's message below the one before it
            }
        });
        find.hitsProperty().subscribe(hits -> list.refresh());
        getChildren().addAll(title, findBar(find), older, status, list);
    }

    /**
     * Attachment files were stored: the cells drawn while one of theirs was "not downloaded yet" are drawn again,
     * so the thumbnails appear where the words were. A chat whose files are all kept is left alone.
     */
    public void mediaChanged() {
        if (media != null && media.waitsForFiles()) {
            list.refresh();
        }
    }

    private static HBox findBar(ThreadFind find) {
        TextField words = new TextField();
        words.setId("threadFindField");
        words.setPromptText("Find in this conversation");
        words.textProperty().bindBidirectional(find.wordsProperty());
        HBox.setHgrow(words, Priority.ALWAYS);
        Label count = new Label();
        count.setId("threadFindStatus");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(find.statusProperty());
        Button previous = iconButton("threadFindPrevious", Feather.CHEVRON_UP, "Previous match (Shift+Enter)");
        previous.setOnAction(e -> find.previous());
        Button next = iconButton("threadFindNext", Feather.CHEVRON_DOWN, "Next match (Enter)");
        next.setOnAction(e -> find.next());
        previous.disableProperty().bind(find.hitsProperty().map(h -> h.size() < 2));
        next.disableProperty().bind(previous.disableProperty());
        words.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    find.previous();
                } else {
                    find.next();
                }
                e.consume();
            }
        });
        HBox bar = new HBox(6, words, count, previous, next);
        bar.getStyleClass().add("thread-find");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button iconButton(String id, Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        return button;
    }
}
