package app.inboxsync.ui.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Dimension2D;

/**
 * The room each picture of a message takes in the thread: its size as Graph gives it ({@code image_data}'s width
 * and height), fitted into a {@link ThreadMedia#THUMBNAIL} square as the decoded thumbnail is. Known before the
 * picture is read, so a cell is as tall while its thumbnail decodes as after: the list measures it once, and the
 * newest message opened at the bottom stays there as the pictures arrive.
 */
final class ThumbnailBoxes {
    private ThumbnailBoxes() {
    }

    /** By attachment index (its place in {@code attachments.data}); pictures without a size given are left out. */
    static Map<Integer, Dimension2D> of(String attachmentsJson) {
        Map<Integer, Dimension2D> boxes = new HashMap<>();
        JsonNode root = AttachmentWords.parse(attachmentsJson);
        if (root == null) {
            return boxes;
        }
        int index = 0;
        for (JsonNode a : root.path("attachments").path("data")) {
            JsonNode image = a.path("image_data");
            double width = image.path("width").asDouble(0);
            double height = image.path("height").asDouble(0);
            if (a.path("video_data").isMissingNode() && width > 0 && height > 0) {
                boxes.put(index, fitted(width, height));
            }
            index++;
        }
        return boxes;
    }

    /** As JavaFX's Image scales to a requested square with its ratio kept: larger or smaller, the longer side fits. */
    static Dimension2D fitted(double width, double height) {
        double scale = ThreadMedia.THUMBNAIL / Math.max(width, height);
        return new Dimension2D(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
    }
}
