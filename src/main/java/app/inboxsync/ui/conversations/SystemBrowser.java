package app.inboxsync.ui.conversations;

import app.inboxsync.app.background.Background;
import app.inboxsync.ui.common.Notifier;
import app.inboxsync.ui.common.Toast;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens a link from a message in the user's browser, off the FX thread. Only http and https links: a message
 * is text from a stranger, and must not be able to open a local file or start a program.
 */
final class SystemBrowser implements Consumer<String> {
    private final Background background;
    private final Notifier notifier;

    SystemBrowser(Background background, Notifier notifier) {
        this.background = background;
        this.notifier = notifier;
    }

    @Override
    public void accept(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            notifier.notify(new Toast(Toast.Kind.WARNING, "Link", "That link is not a valid web address."));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            notifier.notify(new Toast(Toast.Kind.WARNING, "Link", "Only web links (http, https) are opened."));
            return;
        }
        background.run("open the link", () -> {
            open(uri);
            return uri;
        }, opened -> { }, message -> notifier.notify(new Toast(Toast.Kind.ERROR, "Link", message
                + ". Open " + uri + " in your browser by hand.")));
    }

    private static void open(URI uri) throws IOException {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            Desktop.getDesktop().browse(uri);
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command = os.contains("mac") ? new String[] {"open", uri.toString()}
                : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", uri.toString()}
                : new String[] {"xdg-open", uri.toString()};
        new ProcessBuilder(command).inheritIO().start();
    }
}
