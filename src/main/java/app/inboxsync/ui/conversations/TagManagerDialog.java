package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationTagging;
import app.inboxsync.read.TagCatalog;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The tag manager window: the tags with their colour and use; select one to rename, recolour or delete it (after
 * a question that says how many conversations it is on), or type a name to create one.
 */
final class TagManagerDialog extends Dialog<Void> {
    private final TagManagerViewModel model;
    private final ListView<TagCatalog.Tag> list = new ListView<>();
    private final TextField name = new TextField();
    private final ComboBox<TagColour> colour = new ComboBox<>();
    private boolean showingSelection;

    TagManagerDialog(TagManagerViewModel model, Window owner) {
        this.model = model;
        initOwner(owner);
        setTitle("Tags");
        setHeaderText("Tags are yours: no sync changes them.");
        setResizable(true);
        list.setId("tagList");
        list.setItems(model.tags());
        list.setCellFactory(v -> new TagCell());
        list.setPrefSize(380, 260);
        name.setId("tagNameField");
        name.setPromptText("Tag name");
        HBox.setHgrow(name, Priority.ALWAYS);
        colour.setId("tagColourChoice");
        colour.getItems().setAll(TagColour.values());
        colour.setValue(TagColour.BLUE);
        colour.setConverter(new StringConverter<>() {
            @Override
            public String toString(TagColour c) {
                return c == null ? "" : c.label;
            }

            @Override
            public TagColour fromString(String s) {
                return null;
            }
        });
        Button create = new Button("Add");
        create.setId("createTagButton");
        create.setDefaultButton(false);
        create.setOnAction(e -> model.create(name.getText(), colour.getValue()));
        Button rename = new Button("Rename");
        rename.setId("renameTagButton");
        Button delete = new Button("Delete…");
        delete.setId("deleteTagButton");
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        rename.setOnAction(e -> model.rename(list.getSelectionModel().getSelectedItem(), name.getText()));
        delete.setOnAction(e -> askToDelete(list.getSelectionModel().getSelectedItem()));
        name.setOnAction(e -> {
            TagCatalog.Tag selected = list.getSelectionModel().getSelectedItem();
            if (selected == null) {
                model.create(name.getText(), colour.getValue());
            } else {
                model.rename(selected, name.getText());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, tag) -> {
            if (tag != null) {
                showingSelection = true;
                name.setText(tag.name());
                colour.setValue(TagColour.of(tag.colour()));
                showingSelection = false;
            }
        });
        colour.valueProperty().addListener((o, was, now) -> {
            TagCatalog.Tag selected = list.getSelectionModel().getSelectedItem();
            if (!showingSelection && selected != null && now != null) {
                model.colour(selected, now);
            }
        });
        Label status = new Label();
        status.setId("tagManagerStatus");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox edit = new HBox(6, name, colour);
        edit.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(6, create, rename, delete);
        VBox content = new VBox(8, list, edit, actions, status);
        content.setPrefWidth(420);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().getStylesheets().add(TagManagerDialog.class.getResource("/app/inboxsync/ui/conversations.css").toExternalForm());
        // after a write the list is new: keep the same tag selected (by name) where it still exists
        model.tags().addListener((javafx.collections.ListChangeListener<TagCatalog.Tag>) c -> {
            String wanted = ConversationTagging.normalize(name.getText());
            model.tags().stream().filter(t -> t.name().equals(wanted)).findFirst()
                    .ifPresentOrElse(t -> list.getSelectionModel().select(t), () -> list.getSelectionModel().clearSelection());
        });
        model.load();
    }

    private void askToDelete(TagCatalog.Tag tag) {
        if (tag == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, TagManagerViewModel.deleteQuestion(tag),
                new ButtonType("Delete", javafx.scene.control.ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        confirm.initOwner(getDialogPane().getScene().getWindow());
        confirm.setTitle("Delete tag");
        confirm.setHeaderText(null);
        confirm.getDialogPane().setId("deleteTagQuestion");
        confirm.showAndWait().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> model.delete(tag));
    }

    /** A tag: its chip in its colour, and what it is on. */
    private static final class TagCell extends ListCell<TagCatalog.Tag> {
        @Override
        protected void updateItem(TagCatalog.Tag tag, boolean empty) {
            super.updateItem(tag, empty);
            if (empty || tag == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label chip = new Label(tag.name());
            chip.getStyleClass().add("tag-chip");
            chip.setStyle(TagColour.of(tag.colour()).chipStyle());
            Label use = new Label(TagManagerViewModel.usage(tag));
            use.getStyleClass().addAll("text-muted", "tag-usage");
            HBox line = new HBox(8, chip, use);
            line.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(line);
        }
    }
}
