package app.inboxsync.ui.pages;

import app.inboxsync.domain.PageListing;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Which of a user token's Pages to import: a checklist (all ticked) with a filter box and all/none, the Pages
 * that cannot be synced greyed beneath with why. Gives the ids ticked; Esc or Cancel gives nothing.
 */
public final class ImportDialog {
    private ImportDialog() {
    }

    public static Optional<Set<String>> ask(Window owner, PageListing listing) {
        PageChoice choice = new PageChoice(listing);
        Dialog<Set<String>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import Pages");
        dialog.setHeaderText("Choose the Pages to import");
        dialog.getDialogPane().setId("import-pages");
        ButtonType ok = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);

        TextField filter = new TextField();
        filter.setId("import-filter");
        filter.setPromptText("Filter by name or id");
        filter.textProperty().bindBidirectional(choice.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button all = new Button("Select all");
        all.setId("import-all");
        all.setOnAction(e -> choice.selectAll());
        Button none = new Button("Select none");
        none.setId("import-none");
        none.setOnAction(e -> choice.selectNone());
        HBox tools = new HBox(8, filter, all, none);
        tools.setAlignment(Pos.CENTER_LEFT);

        ListView<PageChoice.Row> list = new ListView<>(choice.shown());
        list.setId("import-list");
        list.setCellFactory(l -> new RowCell());
        list.setPrefSize(520, 380);
        list.setPlaceholder(new Label("No Page matches the filter."));
        Label words = new Label();
        words.setId("import-count");
        words.getStyleClass().add("text-muted");
        words.textProperty().bind(choice.wordsProperty());

        dialog.getDialogPane().setContent(new VBox(10, tools, list, words));
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(choice.noneChosenProperty());
        okButton.textProperty().bind(choice.importWordsProperty());
        dialog.setResultConverter(b -> b == ok ? choice.chosenIds() : null);
        Platform.runLater(filter::requestFocus);
        return dialog.showAndWait();
    }

    /** A tick box with the Page's name and id; an unusable Page greyed, never tickable, with its reason. */
    private static final class RowCell extends ListCell<PageChoice.Row> {
        private final CheckBox box = new CheckBox();
        private final Label detail = new Label();
        private final VBox content = new VBox(2, box, detail);
        private PageChoice.Row bound;

        RowCell() {
            detail.getStyleClass().add("text-muted");
            detail.setWrapText(true);
            // a reason wraps within the list instead of being cut: a fixed width, the height it needs
            detail.setPrefWidth(470);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            detail.setPadding(new Insets(0, 0, 0, 26));
            getStyleClass().add("import-row");
        }

        @Override
        protected void updateItem(PageChoice.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.chosenProperty());
            }
            bound = empty ? null : row;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            box.setText(row.page().name());
            box.selectedProperty().bindBidirectional(row.chosenProperty());
            box.setDisable(!row.syncable());
            detail.setText(row.syncable() ? "id " + row.page().id()
                    : "id " + row.page().id() + " · can't be synced: " + row.reason());
            getStyleClass().remove("unusable");
            if (!row.syncable()) {
                getStyleClass().add("unusable");
            }
            setGraphic(content);
        }
    }
}
