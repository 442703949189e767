package app.inboxsync.ui.conversations;

import java.util.Locale;

/** A tag's colour: a few of the theme's own colours, so chips read well in light and dark alike. */
public enum TagColour {
    BLUE("Blue", "-color-accent-subtle"), GREEN("Green", "-color-success-subtle"),
    YELLOW("Yellow", "-color-warning-subtle"), RED("Red", "-color-danger-subtle"), GREY("Grey", "-color-neutral-muted");

    final String label;
    private final String themeColour;

    TagColour(String label, String themeColour) {
        this.label = label;
        this.themeColour = themeColour;
    }

    /** The name kept in {@code conversation_tags.colour}. */
    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The colour of a stored name; blue (the default) for null or a name this version does not know. */
    static TagColour of(String stored) {
        for (TagColour c : values()) {
            if (c.stored().equals(stored)) {
                return c;
            }
        }
        return BLUE;
    }

    /** The chip's inline style. */
    String chipStyle() {
        return "-fx-background-color: " + themeColour + ";";
    }
}
