package app.inboxsync.ui.conversations;

import app.inboxsync.app.Plural;
import app.inboxsync.read.ContactFacts;
import app.inboxsync.read.ConversationRow;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The contact panel under the thread: who the customer is (name, PSID, the Page), their messages (first, last,
 * how many from each side), tags, the notes (saved as typed) and a link to reply in Meta Business Suite.
 */
final class ContactPane extends VBox {
    /** Typing pauses this long before the notes are saved: a save per pause, not per key. */
    static final Duration SAVE_PAUSE = Duration.millis(600);
    private final ContactViewModel model;
    private final Function<String, String> pageName;
    private final ListTime times;
    private final Label title = new Label();
    private final TextField psid = new TextField();
    private final Label page = new Label();
    private final Label first = new Label();
    private final Label last = new Label();
    private final Label counts = new Label();
    private final Label writers = new Label();
    private final FlowPane tags = new FlowPane(4, 4);
    private final TextArea notes = new TextArea();
    private boolean showingNotes;

    ContactPane(ContactViewModel model, Function<String, String> pageName, ListTime times, Consumer<String> openLink,
                Function<String, String> tagStyle) {
        super(6);
        this.model = model;
        this.pageName = pageName;
        this.times = times;
        setId("contactPane");
        getStyleClass().add("contact-pane");
        title.getStyleClass().add("contact-title");
        title.setMinWidth(0);
        Hyperlink reply = new Hyperlink("Reply in Business Suite", new FontIcon("fth-external-link"));
        reply.setId("replyLink");
        reply.setTooltip(new Tooltip("Open this conversation in Meta Business Suite's inbox, in your browser"));
        reply.setMinWidth(USE_PREF_SIZE);
        reply.setOnAction(e -> {
            ConversationRow r = model.rowProperty().get();
            if (r != null) {
                openLink.accept(BusinessSuiteLink.of(r.pageId(), r.senderId()));
            }
        });

        psid.setEditable(false);
        psid.setId("contactPsid");
        psid.getStyleClass().add("contact-copyable");
        psid.setTooltip(new Tooltip("The customer's Page-scoped ID (PSID): select it to copy it"));
        page.setId("contactPage");
        first.setId("contactFirst");
        last.setId("contactLast");
        counts.setId("contactCounts");
        writers.setId("contactWriters");
        tags.setId("contactTags");
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        facts.getColumnConstraints().setAll(names, values);
        int row = 0;
        for (var entry : java.util.List.of(java.util.Map.entry("PSID", (javafx.scene.Node) psid), java.util.Map.entry("Page", page),
                java.util.Map.entry("First message", first), java.util.Map.entry("Last message", last),
                java.util.Map.entry("Messages", counts), java.util.Map.entry("Written by", writers),
                java.util.Map.entry("Tags", tags))) {
            Label name = new Label(entry.getKey());
            name.getStyleClass().add("text-muted");
            facts.addRow(row++, name, entry.getValue());
        }

        Label notesTitle = new Label("Notes");
        notesTitle.getStyleClass().add("text-muted");
        Label saved = new Label();
        saved.setId("notesStatus");
        saved.getStyleClass().addAll("text-muted", "text-small");
        saved.textProperty().bind(model.notesStatusProperty());
        Pane notesGap = new Pane();
        HBox.setHgrow(notesGap, Priority.ALWAYS);
        HBox notesHeader = new HBox(8, notesTitle, notesGap, saved);
        notes.setId("notesField");
        notes.setWrapText(true);
        notes.setPrefRowCount(3);
        notes.setPromptText("Notes for your team about this customer: kept through every sync, found by the search");
        notes.disableProperty().bind(model.notesReadyProperty().not());
        VBox.setVgrow(notes, Priority.ALWAYS);
        PauseTransition typing = new PauseTransition(SAVE_PAUSE);
        typing.setOnFinished(e -> model.saveNotes());
        notes.textProperty().addListener((o, was, now) -> {
            if (!showingNotes) {
                model.notesTyped(now);
                typing.playFromStart();
            }
        });
        notes.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                typing.stop();
                model.saveNotes();
            }
        });
        model.notesProperty().addListener((o, was, now) -> showNotes(now));
        model.rowProperty().addListener((o, was, r) -> showRow(r, tagStyle));
        model.factsProperty().addListener((o, was, f) -> showFacts(f));
        getChildren().addAll(title, facts, reply, notesHeader, notes);
        showRow(null, tagStyle);
    }

    private void showNotes(String text) {
        if (!text.equals(notes.getText())) {
            showingNotes = true;
            try {
                notes.setText(text);
            } finally {
                showingNotes = false;
            }
        }
    }

    private void showRow(ConversationRow r, Function<String, String> tagStyle) {
        setVisible(r != null);
        if (r == null) {
            return;
        }
        title.setText("About " + (r.senderName() == null ? "Facebook user" : r.senderName()));
        psid.setText(r.senderId().contains("#") ? r.senderId().substring(0, r.senderId().indexOf('#')) : r.senderId());
        page.setText(pageName.apply(r.pageId()));
        tags.getChildren().clear();
        for (String t : r.tags()) {
            Label chip = new Label(t);
            chip.getStyleClass().add("tag-chip");
            chip.setStyle(tagStyle.apply(t));
            tags.getChildren().add(chip);
        }
        if (r.tags().isEmpty()) {
            Label none = new Label("none");
            none.getStyleClass().add("text-muted");
            tags.getChildren().add(none);
        }
        showFacts(null);
    }

    private void showFacts(ContactFacts f) {
        ConversationRow r = model.rowProperty().get();
        if (r == null) {
            return;
        }
        if (f == null) {
            first.setText("…");
            last.setText(time(r.lastMessageTime()));
            counts.setText("…");
            writers.setText("…");
            return;
        }
        first.setText(f.firstMessage() == null ? "none stored" : time(f.firstMessage()));
        last.setText(time(f.lastMessage() == null ? r.lastMessageTime() : f.lastMessage()));
        String facebook = r.messageCount() == null || r.messageCount() == f.stored() ? ""
                : " (Facebook counts " + r.messageCount() + ")";
        counts.setText(Plural.of(f.stored(), "message") + " stored" + facebook);
        writers.setText("the customer " + f.fromCustomer() + " · the Page " + f.fromPage());
    }

    private String time(Instant t) {
        return t == null ? "" : times.medium(t);
    }
}
