package app.inboxsync.export;

import app.inboxsync.media.KeptAttachment;
import app.inboxsync.media.MediaFiles;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.read.MessageRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Copies the stored files of exported messages into a folder beside the export, each once under
 * {@code <sha256>.<ext>}, and says per attachment what the export references: the file's path relative to the
 * export, or in words why there is none. A copy is written under a temporary name and moved, like the store's.
 */
public final class MediaCopy {

    /** What the export says of one attachment: {@code file} (relative, with '/') when it was copied, else null. */
    public record Reference(int index, String kind, String status, String file) {
        /** The CSV cell's part for this attachment. */
        String cell() {
            return file != null ? file : status;
        }
    }

    private final Function<Collection<String>, List<KeptAttachment>> lookup;
    private final MediaFiles files;
    private final Path folder;
    private final Set<String> copied = new HashSet<>();
    private Path relativeTo;
    private long bytes;

    /** @param lookup the media store's attachments of these messages ({@code MediaQueue::attachmentsOf}) */
    public MediaCopy(Function<Collection<String>, List<KeptAttachment>> lookup, MediaFiles files, Path folder) {
        this.lookup = lookup;
        this.files = files;
        this.folder = folder.toAbsolutePath();
    }

    void exportingTo(Path exportFile) throws IOException {
        Files.createDirectories(folder);
        Path parent = exportFile.toAbsolutePath().getParent();
        relativeTo = parent == null ? exportFile.toAbsolutePath().getRoot() : parent;
    }

    public long filesCopied() {
        return copied.size();
    }

    public long bytesCopied() {
        return bytes;
    }

    /** Per message id, its attachments' references in order; messages without attachments are absent. */
    Map<String, List<Reference>> references(List<MessageRow> messages) throws IOException {
        List<String> ids = messages.stream().filter(m -> m.attachmentsJson() != null).map(MessageRow::messageId).toList();
        Map<String, List<Reference>> out = new LinkedHashMap<>();
        for (KeptAttachment a : lookup.apply(ids)) {
            out.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(reference(a));
        }
        return out;
    }

    private Reference reference(KeptAttachment a) throws IOException {
        String kind = a.kind().dbName();
        if (a.status() != MediaStatus.STORED) {
            return new Reference(a.index(), kind, a.statusWords(), null);
        }
        String name = a.sha256() + "." + a.extension();
        Path target = folder.resolve(name);
        if (!copied.contains(name) && !copy(a.sha256(), target)) {
            return new Reference(a.index(), kind, "missing from the media store", null);
        }
        copied.add(name);
        return new Reference(a.index(), kind, "stored", relativeTo.relativize(target).toString().replace('\\', '/'));
    }

    private boolean copy(String sha256, Path target) throws IOException {
        try (InputStream in = files.open(sha256)) {
            if (in == null) {
                return false;
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            bytes += Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }
}
