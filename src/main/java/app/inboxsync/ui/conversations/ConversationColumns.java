package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.ui.common.EmojiTableCell;
import app.inboxsync.ui.common.EmojiText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import app.inboxsync.domain.Folder;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The browser table's columns. Cells read their row through {@link ConversationItem#rowProperty()}, so a row
 * that is still loading shows "…" and fills in by itself. Clicking a header does not sort the loaded rows: it
 * sets the order the database sorts by. Widths: the small columns keep what their header and values need (no
 * "Unr…", a time never cut), the sender and the last message share what is left.
 */
final class ConversationColumns {
    /** What Facebook did not say (its Graph version no longer gives the field). */
    static final String UNKNOWN = "unknown";
    /** After a count of the messages copied, standing in for Facebook's count. */
    static final String STORED = "copied";
    static final String LOADING = "…";
    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");

    private ConversationColumns() {
    }

    /**
     * @param showPage   whether rows of several Pages are shown (the Page column)
     * @param showFolder whether rows of several folders are shown (the Folder column)
     */
    static void configure(TableView<ConversationItem> table, ObjectProperty<ConversationSort> sort,
                          ObservableBooleanValue showPage, ObservableBooleanValue showFolder,
                          Function<String, String> pageName, Function<String, String> tagStyle, Clock clock) {
        ListTime times = new ListTime(clock);
        TableColumn<ConversationItem, String> page = text("Page", 110, 80, r -> pageName.apply(r.pageId()), null);
        page.visibleProperty().bind(showPage);
        TableColumn<ConversationItem, String> sender = text("Sender", 160, 136,
                r -> r.senderName() == null ? "Facebook user" : r.senderName(), ConversationSort.Column.SENDER);
        sender.setId("senderColumn");
        TableColumn<ConversationItem, ConversationRow> last = rowColumn("Last message", 240, 120, LastMessageCell::new);
        last.setUserData(ConversationSort.Column.LAST_MESSAGE);
        last.setSortable(true);
        TableColumn<ConversationItem, ConversationRow> time = rowColumn("Time", 112, 104, () -> new TimeCell(times));
        time.setUserData(ConversationSort.Column.TIME);
        time.setSortable(true);
        time.setMaxWidth(150);
        sender.setCellFactory(c -> new EmojiTableCell<>()); // emoji in colour
        time.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<ConversationItem, String> folder = text("Folder", 72, 70, ConversationColumns::folderName, null);
        folder.setMaxWidth(90);
        folder.visibleProperty().bind(showFolder);
        // A Graph version may not give Facebook's counts: the messages copied stand in for the count, and say so;
        // an unknown unread count is said to be unknown, never shown as 0.
        TableColumn<ConversationItem, String> messages = number("Msgs", 60,
                r -> r.messageCountIsStored() ? r.messagesShown() + " " + STORED : String.valueOf(r.messageCount()),
                ConversationSort.Column.MESSAGES);
        TableColumn<ConversationItem, String> unread = number("Unread", 76,
                r -> r.unreadCount() == null ? UNKNOWN : String.valueOf(r.unreadCount()), ConversationSort.Column.UNREAD);
        TableColumn<ConversationItem, ConversationRow> tags = rowColumn("Tags", 90, 60, () -> new TagsCell(tagStyle));
        tags.setId("tagsColumn");
        // Facebook's message count is in the contact panel; the column is one click away (the table's menu button)
        messages.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.getColumns().setAll(List.of(page, sender, last, time, folder, messages, unread, tags));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new UnreadRow());
        table.setSortPolicy(t -> {
            sort.set(t.getSortOrder().isEmpty() ? ConversationSort.NEWEST_FIRST : sortOf(t.getSortOrder().get(0)));
            return true;
        });
    }

    static String folderName(ConversationRow r) {
        return r.folder() == null ? "" : r.folder().humanName(); // null: a folder name this version does not know
    }

    private static ConversationSort sortOf(TableColumn<ConversationItem, ?> column) {
        return new ConversationSort((ConversationSort.Column) column.getUserData(),
                column.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private static TableColumn<ConversationItem, String> text(String title, double width, double min,
                                                              Function<ConversationRow, String> value,
                                                              ConversationSort.Column sortBy) {
        TableColumn<ConversationItem, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(min);
        column.setUserData(sortBy);
        column.setSortable(sortBy != null);
        column.setCellValueFactory(c -> loadingOr(c.getValue().rowProperty(), value));
        return column;
    }

    private static TableColumn<ConversationItem, ConversationRow> rowColumn(
            String title, double width, double min, java.util.function.Supplier<TableCell<ConversationItem, ConversationRow>> cell) {
        TableColumn<ConversationItem, ConversationRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(min);
        column.setSortable(false);
        column.setCellValueFactory(c -> c.getValue().rowProperty());
        column.setCellFactory(c -> cell.get());
        return column;
    }

    private static TableColumn<ConversationItem, String> number(String title, double width,
                                                                Function<ConversationRow, String> value,
                                                                ConversationSort.Column sortBy) {
        TableColumn<ConversationItem, String> column = text(title, width, width, value, sortBy);
        column.setMaxWidth(width + 40);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setSortType(TableColumn.SortType.DESCENDING);
        return column;
    }

    private static ObservableValue<String> loadingOr(ObservableValue<ConversationRow> row, Function<ConversationRow, String> value) {
        return row.map(value).orElse(LOADING);
    }

    /** Unread conversations in bold, as every inbox draws them; follows its row as the window fills in. */
    private static final class UnreadRow extends TableRow<ConversationItem> {
        private final ChangeListener<ConversationRow> filled = (o, was, now) -> mark(now);

        @Override
        protected void updateItem(ConversationItem item, boolean empty) {
            ConversationItem before = getItem();
            if (before != null) {
                before.rowProperty().removeListener(filled);
            }
            super.updateItem(item, empty);
            if (item != null && !empty) {
                item.rowProperty().addListener(filled);
                mark(item.row());
            } else {
                mark(null);
            }
        }

        private void mark(ConversationRow r) {
            pseudoClassStateChanged(UNREAD, r != null && r.unreadCount() != null && r.unreadCount() > 0);
        }
    }

    /** "You: …" before the Page's own message; a message without text said in words, with its icon. */
    private static final class LastMessageCell extends TableCell<ConversationItem, ConversationRow> {
        @Override
        protected void updateItem(ConversationRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("last-message-described");
            if (empty) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (row == null) {
                setText(LOADING);
                setGraphic(null);
                return;
            }
            LastMessageWords words = LastMessageWords.of(row);
            if (words.described()) {
                setText(words.text());
                getStyleClass().add("last-message-described");
                setGraphic(new FontIcon(icon(words.kind())));
                setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            } else {
                EmojiText.show(this, words.text()); // emoji in colour, as in the thread
            }
        }

        private static String icon(AttachmentWords.Kind kind) {
            if (kind == null) {
                return "fth-paperclip";
            }
            return switch (kind) {
                case PHOTO -> "fth-camera";
                case GIF -> "fth-image";
                case VIDEO -> "fth-video";
                case AUDIO -> "fth-mic";
                case FILE -> "fth-paperclip";
                case STICKER -> "fth-smile";
                case SHARE -> "fth-link";
            };
        }
    }

    /** The time as short as reads well, the whole date and time on hover. */
    private static final class TimeCell extends TableCell<ConversationItem, ConversationRow> {
        private final ListTime times;
        private final Tooltip full = new Tooltip();

        TimeCell(ListTime times) {
            this.times = times;
        }

        @Override
        protected void updateItem(ConversationRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(empty ? null : LOADING);
                setTooltip(null);
                return;
            }
            setText(times.shortly(row.lastMessageTime()));
            full.setText(times.fully(row.lastMessageTime()));
            setTooltip(full);
        }
    }

    /** Tags as small chips. */
    private static final class TagsCell extends TableCell<ConversationItem, ConversationRow> {
        private final Function<String, String> style;

        TagsCell(Function<String, String> style) {
            this.style = style;
        }

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
                chip.setStyle(style.apply(tag));
                chips.getChildren().add(chip);
            }
            setText(String.join(", ", row.tags())); // for screen readers and tests; hidden by the graphic
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setGraphic(chips);
        }
    }
}
