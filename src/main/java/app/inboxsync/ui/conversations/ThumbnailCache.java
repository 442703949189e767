package app.inboxsync.ui.conversations;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/** Decoded thumbnails by SHA-256, least recently used dropped first, so scrolling a long chat stays in bounded memory. */
final class ThumbnailCache {
    private final Map<String, Image> images;

    ThumbnailCache(int capacity) {
        this.images = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Image get(String sha256) {
        return images.get(sha256);
    }

    synchronized void put(String sha256, Image image) {
        images.put(sha256, image);
    }

    synchronized int size() {
        return images.size();
    }
}
