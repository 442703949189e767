package app.inboxsync.ui.settings;

import app.inboxsync.domain.Folder;
import app.inboxsync.media.MediaSettings;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Binds settings.fxml to a {@link SettingsViewModel}; the logic and the rules are the view model's. */
final class SettingsController {
    private final SettingsViewModel model;
    private final Runnable testConnection;
    private final String precedence;

    @FXML private RadioButton embeddedRadio;
    @FXML private RadioButton serverRadio;
    @FXML private GridPane serverGrid;
    @FXML private TextField urlField;
    @FXML private Label databaseMessage;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private CheckBox forgetPasswordBox;
    @FXML private Label connectionResult;
    @FXML private TextField versionField;
    @FXML private Label versionMessage;
    @FXML private PasswordField appSecretField;
    @FXML private CheckBox forgetAppSecretBox;
    @FXML private TextField parallelismField;
    @FXML private Label parallelismMessage;
    @FXML private HBox foldersBox;
    @FXML private Label foldersMessage;
    @FXML private ChoiceBox<Integer> autoSyncChoice;
    @FXML private ChoiceBox<DesktopSettings.Theme> themeChoice;
    @FXML private RadioButton mediaInFolderRadio;
    @FXML private RadioButton mediaInDatabaseRadio;
    @FXML private TextField mediaFolderField;
    @FXML private Label mediaFolderMessage;
    @FXML private TextField maxFileField;
    @FXML private Label maxFileMessage;
    @FXML private TextField quotaField;
    @FXML private Label quotaMessage;
    @FXML private Label precedenceNote;

    /** @param precedence what the environment overrides, or "" */
    SettingsController(SettingsViewModel model, Runnable testConnection, String precedence) {
        this.model = model;
        this.testConnection = testConnection;
        this.precedence = precedence;
    }

    @FXML
    private void initialize() {
        ToggleGroup database = new ToggleGroup();
        embeddedRadio.setToggleGroup(database);
        serverRadio.setToggleGroup(database);
        (model.embedded.get() ? embeddedRadio : serverRadio).setSelected(true);
        database.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.embedded.set(now == embeddedRadio);
            }
        });
        serverGrid.disableProperty().bind(model.embedded);
        urlField.textProperty().bindBidirectional(model.databaseUrl);
        userField.textProperty().bindBidirectional(model.databaseUser);
        passwordField.textProperty().bindBidirectional(model.databasePassword);
        passwordField.setPromptText(SettingsViewModel.secretPrompt(model.saved().databasePassword()));
        forgetPasswordBox.selectedProperty().bindBidirectional(model.forgetDatabasePassword);
        showOnlyIf(forgetPasswordBox, model.saved().databasePassword());
        connectionResult.textProperty().bind(model.connectionTest);

        versionField.textProperty().bindBidirectional(model.graphVersion);
        appSecretField.textProperty().bindBidirectional(model.appSecret);
        appSecretField.setPromptText(SettingsViewModel.secretPrompt(model.saved().appSecret()));
        forgetAppSecretBox.selectedProperty().bindBidirectional(model.forgetAppSecret);
        showOnlyIf(forgetAppSecretBox, model.saved().appSecret());

        number(parallelismField, model.parallelism);
        for (Folder f : Folder.ALL) {
            CheckBox box = new CheckBox(f.humanName());
            box.setId("folder-" + f.wireName());
            box.setMnemonicParsing(false);
            box.selectedProperty().bindBidirectional(model.folder(f));
            foldersBox.getChildren().add(box);
        }
        autoSyncChoice.getItems().setAll(DesktopSettings.AUTO_SYNC_CHOICES);
        autoSyncChoice.setConverter(converter(m -> m == 0 ? "Off" : "Every " + m + " minutes"));
        autoSyncChoice.valueProperty().bindBidirectional(model.autoSyncMinutes);
        themeChoice.getItems().setAll(DesktopSettings.Theme.values());
        themeChoice.setConverter(converter(t -> t.name().charAt(0) + t.name().substring(1).toLowerCase(Locale.ROOT)));
        themeChoice.valueProperty().bindBidirectional(model.theme);

        message(databaseMessage, model.databaseMessage());
        message(versionMessage, model.graphVersionMessage());
        message(parallelismMessage, model.parallelismMessage());
        message(foldersMessage, model.foldersMessage());
        ToggleGroup mediaStore = new ToggleGroup();
        mediaInFolderRadio.setToggleGroup(mediaStore);
        mediaInDatabaseRadio.setToggleGroup(mediaStore);
        mediaStore.selectToggle(model.mediaStore.get() == MediaSettings.Store.DATABASE ? mediaInDatabaseRadio : mediaInFolderRadio);
        mediaStore.selectedToggleProperty().addListener((o, was, now) -> model.mediaStore.set(
                now == mediaInDatabaseRadio ? MediaSettings.Store.DATABASE : MediaSettings.Store.FILES));
        mediaFolderField.textProperty().bindBidirectional(model.mediaFolder);
        number(maxFileField, model.maxFileMb);
        number(quotaField, model.quotaMb);
        message(mediaFolderMessage, model.mediaFolderMessage());
        message(maxFileMessage, model.maxFileMessage());
        message(quotaMessage, model.quotaMessage());
        precedenceNote.setText(precedence);
        showOnlyIf(precedenceNote, !precedence.isEmpty());
    }

    @FXML
    private void testConnection() {
        testConnection.run();
    }

    /** An inline message takes room only while it says something. */
    private static void message(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void showOnlyIf(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** A whole-number field: what is not a number reaches the model as null, which its rule words. */
    private static void number(TextField field, javafx.beans.property.ObjectProperty<Integer> value) {
        field.setText(String.valueOf(value.get()));
        field.textProperty().addListener((o, was, now) -> value.set(parseOrNull(now)));
    }

    private static Integer parseOrNull(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : words.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
