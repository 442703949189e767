package app.inboxsync.ui.settings;

import app.inboxsync.domain.Folder;
import app.inboxsync.media.MediaSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link DesktopSettings}; a missing or damaged file gives the defaults (and says so in the log).
 * Holds no secret: the database password and the app secret go to the token vault.
 */
public final class DesktopSettingsFile {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopSettingsFile.class);
    private final Path file;

    public DesktopSettingsFile(Path home) {
        this.file = home.resolve("desktop.properties");
    }

    public Path path() {
        return file;
    }

    public DesktopSettings load() {
        if (!Files.exists(file)) {
            return DesktopSettings.DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            DesktopSettings d = DesktopSettings.DEFAULTS;
            String folders = p.getProperty("folders");
            String mediaFolder = p.getProperty("media.folder");
            return new DesktopSettings(
                    DesktopSettings.Theme.valueOf(p.getProperty("theme", d.theme().name())),
                    Integer.parseInt(p.getProperty("autoSyncMinutes", String.valueOf(d.autoSyncMinutes()))),
                    Integer.parseInt(p.getProperty("parallelism", String.valueOf(d.parallelism()))),
                    p.getProperty("database.url"),
                    p.getProperty("database.user"),
                    p.getProperty("graph.version", d.graphVersion()),
                    folders == null ? Folder.ALL : Folder.parseList(folders),
                    new MediaChoices(mediaFolder == null || mediaFolder.isBlank() ? null : Path.of(mediaFolder.strip()),
                            Integer.parseInt(p.getProperty("media.max-file-mb", String.valueOf(d.media().maxFileMb()))),
                            Integer.parseInt(p.getProperty("media.quota-mb", String.valueOf(d.media().quotaMb()))),
                            MediaSettings.Store.valueOf(p.getProperty("media.store", d.media().store().name())
                                    .strip().toUpperCase(Locale.ROOT))));
        } catch (IOException | IllegalArgumentException e) { // InvalidPathException is one
            LOG.warn("Ignoring {} ({}); using the default settings", file, e.getMessage());
            return DesktopSettings.DEFAULTS;
        }
    }

    public void save(DesktopSettings s) {
        Properties p = new Properties();
        p.setProperty("theme", s.theme().name());
        p.setProperty("autoSyncMinutes", String.valueOf(s.autoSyncMinutes()));
        p.setProperty("parallelism", String.valueOf(s.parallelism()));
        if (s.databaseUrl() != null) {
            p.setProperty("database.url", s.databaseUrl());
        }
        if (s.databaseUser() != null) {
            p.setProperty("database.user", s.databaseUser());
        }
        p.setProperty("graph.version", s.graphVersion());
        p.setProperty("folders", s.folders().stream().map(Folder::wireName).collect(Collectors.joining(",")));
        if (s.media().folder() != null) {
            p.setProperty("media.folder", s.media().folder().toString());
        }
        p.setProperty("media.max-file-mb", String.valueOf(s.media().maxFileMb()));
        p.setProperty("media.quota-mb", String.valueOf(s.media().quotaMb()));
        p.setProperty("media.store", s.media().store().name().toLowerCase(Locale.ROOT)); // files or database, as the CLI's --media-store
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Inbox Sync desktop settings (passwords and the app secret are kept in the token vault, not here)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the settings to " + file + ": " + e.getMessage(), e);
        }
    }
}
