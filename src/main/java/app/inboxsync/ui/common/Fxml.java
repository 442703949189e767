package app.inboxsync.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Every view file, named once. Controllers are built by code with their services and handed to the loader. */
public enum Fxml {
    MAIN("main.fxml"),
    WELCOME("welcome.fxml"),
    CONVERSATIONS("conversations.fxml"),
    HISTORY("history.fxml"),
    SETTINGS("settings.fxml");

    private static final String FOLDER = "/app/inboxsync/ui/";
    private final String file;

    Fxml(String file) {
        this.file = file;
    }

    public URL url() {
        return Fxml.class.getResource(FOLDER + file);
    }

    /** Loads the view with {@code controller} as its controller (the file names none). */
    public Parent load(Object controller) {
        FXMLLoader loader = new FXMLLoader(url());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + file, e);
        }
    }

    public static String stylesheet() {
        return Fxml.class.getResource(FOLDER + "app.css").toExternalForm();
    }
}
