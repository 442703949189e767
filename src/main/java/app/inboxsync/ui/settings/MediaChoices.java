package app.inboxsync.ui.settings;

import app.inboxsync.media.MediaSettings;
import java.nio.file.Path;

/**
 * The desktop's choices for the media store, kept in {@code desktop.properties} with the rest.
 *
 * @param folder    where attachment files are kept, or null for {@code HOME/media} (what the CLI uses too)
 * @param maxFileMb a larger attachment is recorded as too large, not downloaded
 * @param quotaMb   total size of the distinct files kept; at the quota the rest stays pending
 * @param store     where new files go: the folder on this computer, or the database (shared by every machine that
 *                  uses it); files in the other are read too
 */
public record MediaChoices(Path folder, int maxFileMb, int quotaMb, MediaSettings.Store store) {
    public static final MediaChoices DEFAULTS = new MediaChoices(null, MediaSettings.DEFAULT_MAX_FILE_MB,
            MediaSettings.DEFAULT_QUOTA_MB);

    /** Files kept in the folder, as before the choice of store existed. */
    public MediaChoices(Path folder, int maxFileMb, int quotaMb) {
        this(folder, maxFileMb, quotaMb, MediaSettings.Store.FILES);
    }

    public MediaChoices {
        store = store == null ? MediaSettings.Store.FILES : store;
        if (folder != null && !folder.isAbsolute()) { // whether it is a folder is the dialog's to check, not a record's
            throw new IllegalArgumentException("The media folder must be a full path, not " + folder + ".");
        }
        for (String problem : new String[] {SettingsRules.maxFileMb(maxFileMb), SettingsRules.quotaMb(quotaMb, maxFileMb)}) {
            if (!problem.isEmpty()) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** The folder the files are in for a home: the chosen one, or the default under it. */
    public Path folderUnder(Path home) {
        return folder == null ? MediaSettings.defaults(home).folder() : folder;
    }

    /** The media settings these choices make for a home (the rest as the defaults have it). */
    public MediaSettings settings(Path home) {
        return MediaSettings.defaults(home).withFolder(folderUnder(home)).withLimits(maxFileMb * MediaSettings.MB, quotaMb * MediaSettings.MB)
                .withStore(store);
    }
}
