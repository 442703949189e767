package app.inboxsync.app;

/**
 * "1 conversation", "2 conversations": the one place counts meet nouns. English only (the app is English), so a
 * small helper is enough; ICU4J's plural rules would be a dependency for languages we do not ship.
 */
public final class Plural {
    private Plural() {
    }

    /** Regular nouns: adds "s" unless the count is exactly 1. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** Irregular nouns passed explicitly: {@code of(2, "reply", "replies")}. */
    public static String of(long count, String singular, String plural) {
        return count + " " + noun(count, singular, plural);
    }

    /** The noun alone, for counts written another way ("1,234 conversations" in the window). */
    public static String noun(long count, String singular, String plural) {
        return count == 1 ? singular : plural;
    }
}
