package app.inboxsync.ui.conversations;

import app.inboxsync.domain.Folder;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** All / Inbox / Done / Other / Spam as one row of toggles (Business Suite's folders), bound to the filter's folder. */
final class FolderChoice {
    static final String ALL = "All";

    private FolderChoice() {
    }

    static void fill(HBox box, ObjectProperty<Folder> folder) {
        ToggleGroup group = new ToggleGroup();
        List<ToggleButton> buttons = new ArrayList<>();
        buttons.add(button(ALL, null, "folder-all", group));
        for (Folder f : Folder.ALL) {
            buttons.add(button(f.humanName(), f, "folder-" + f.wireName(), group));
        }
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == buttons.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
        }
        box.getChildren().setAll(buttons);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was); // one is always chosen: clicking the chosen one again keeps it
            } else {
                folder.set((Folder) now.getUserData());
            }
        });
        folder.addListener((o, was, now) -> buttons.stream().filter(b -> b.getUserData() == now).findFirst()
                .ifPresent(b -> b.setSelected(true)));
        buttons.stream().filter(b -> b.getUserData() == folder.get()).findFirst().ifPresent(b -> b.setSelected(true));
    }

    private static ToggleButton button(String text, Folder f, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setUserData(f);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMnemonicParsing(false);
        b.setFocusTraversable(false);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }
}
