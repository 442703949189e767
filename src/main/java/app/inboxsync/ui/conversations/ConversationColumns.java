package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.ui.common.EmojiTableCell;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/**
 * The browser table's columns. Cells read their row through {@link ConversationItem#rowProperty()}, so a row
 * that is still loading shows "…" and fills in by itself. Clicking a header does not sort the loaded rows: it
 * sets the order the database sorts by.
 */
final class ConversationColumns {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
    /** What Facebook did not say (its Graph version no longer gives the field). */
    static final String UNKNOWN = "unknown";
    /** After a count of the messages copied, standing in for Facebook's count. */
    static final String STORED = "copied";

    private ConversationColumns() {
    }

    static void configure(TableView<ConversationItem> table, ObjectProperty<ConversationSort> sort,
                          ObservableBooleanValue showPage, Function<String, String> pageName, ZoneId zone) {
        TableColumn<ConversationItem, String> page = text("Page", 130, r -> pageName.apply(r.pageId()), null);
        page.visibleProperty().bind(showPage);
        TableColumn<ConversationItem, String> sender = text("Sender", 170,
                r -> r.senderName() == null ? "Facebook user" : r.senderName(), ConversationSort.Column.SENDER);
        sender.setId("senderColumn");
        TableColumn<ConversationItem, String> last = text("Last message", 260,
                r -> r.lastMessage() == null ? UNKNOWN : r.lastMessage().replace('\n', ' '), ConversationSort.Column.LAST_MESSAGE);
        TableColumn<ConversationItem, String> time = text("Time", 130,
                r -> TIME.withZone(zone).format(r.lastMessageTime()), ConversationSort.Column.TIME);
        sender.setCellFactory(c -> new EmojiTableCell<>()); // emoji in colour
        last.setCellFactory(c -> new EmojiTableCell<>());
        time.setSortType(TableColumn.SortType.DESCENDING);
        time.setMinWidth(110);
        last.setMinWidth(90);
        sender.setMinWidth(110);
        // A Graph version may not give Facebook's counts: the messages copied stand in for the count, and say so;
        // an unknown unread count is said to be unknown, never shown as 0.
        TableColumn<ConversationItem, String> messages = number("Msgs",
                r -> r.messageCountIsStored() ? r.messagesShown() + " " + STORED : String.valueOf(r.messageCount()),
                ConversationSort.Column.MESSAGES);
        TableColumn<ConversationItem, String> unread = number("Unread",
                r -> r.unreadCount() == null ? UNKNOWN : String.valueOf(r.unreadCount()), ConversationSort.Column.UNREAD);
        TableColumn<ConversationItem, ConversationRow> tags = new TableColumn<>("Tags");
        tags.setId("tagsColumn");
        tags.setPrefWidth(120);
        tags.setMinWidth(80);
        tags.setSortable(false);
        tags.setCellValueFactory(c -> c.getValue().rowProperty());
        tags.setCellFactory(c -> new TagsCell());
        table.getColumns().setAll(java.util.List.of(page, sender, last, time, messages, unread, tags));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setSortPolicy(t -> {
            sort.set(t.getSortOrder().isEmpty() ? ConversationSort.NEWEST_FIRST : sortOf(t.getSortOrder().get(0)));
            return true;
        });
    }

    private static ConversationSort sortOf(TableColumn<ConversationItem, ?> column) {
        return new ConversationSort((ConversationSort.Column) column.getUserData(),
                column.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private static TableColumn<ConversationItem, String> text(String title, double width,
                                                              Function<ConversationRow, String> value,
                                                              ConversationSort.Column sortBy) {
        TableColumn<ConversationItem, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setUserData(sortBy);
        column.setSortable(sortBy != null);
        column.setCellValueFactory(c -> loadingOr(c.getValue().rowProperty(), value));
        return column;
    }

    private static TableColumn<ConversationItem, String> number(String title, Function<ConversationRow, String> value,
                                                                ConversationSort.Column sortBy) {
        TableColumn<ConversationItem, String> column = text(title, 76, value, sortBy);
        column.setMinWidth(64);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setSortType(TableColumn.SortType.DESCENDING);
        return column;
    }

    private static ObservableValue<String> loadingOr(ObservableValue<ConversationRow> row, Function<ConversationRow, String> value) {
        return row.map(value).orElse("…");
    }

    /** Tags as small chips. */
    private static final class TagsCell extends TableCell<ConversationItem, ConversationRow> {
        @Override
        protected void updateItem(ConversationRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.tags().isEmpty()) {
                setGraphic(null);
                setText(null);
                return;
            }
            HBox chips = new HBox(4);
            chips.setAlignment(Pos.CENTER_LEFT);
            for (String tag : row.tags()) {
                Label chip = new Label(tag);
                chip.getStyleClass().add("tag-chip");
                chips.getChildren().add(chip);
            }
            setText(String.join(", ", row.tags())); // for screen readers and tests; hidden by the graphic
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setGraphic(chips);
        }
    }
}
