package app.inboxsync.ui.conversations;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a kept file (audio, video, a document) with the system's app; tests pass one that only records. */
@FunctionalInterface
public interface FileOpener {
    void open(Path file) throws IOException;

    /** The desktop's default app for the file's type. */
    FileOpener SYSTEM = file -> {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new IOException("this system has no app registered to open files");
        }
        Desktop.getDesktop().open(file.toFile());
    };
}
