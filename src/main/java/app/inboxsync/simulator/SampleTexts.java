package app.inboxsync.simulator;

import java.util.List;

/**
 * The raw material of generated conversations. Awkward on purpose: 4-byte UTF-8, emoji sequences,
 * right-to-left scripts, a NUL character and texts of several thousand characters are what break
 * naive storage and display code.
 */
final class SampleTexts {

    private SampleTexts() {
    }

    static final List<String> PAGE_NAMES = List.of("Sunrise Bakery", "Nordic Bikes", "Café Ümlaut",
            "Blue Harbor Books", "Pixel & Co", "Green Leaf Yoga", "Atlas Hardware", "Miso Hungry 🍜");
    static final List<String> CATEGORIES = List.of("Bakery", "Bicycle Shop", "Coffee Shop", "Book Store",
            "Digital Creator", "Yoga Studio", "Hardware Store", "Restaurant");

    static final List<String> CUSTOMER_NAMES = List.of("Anna Kowalska", "James O'Brien", "محمد علي",
            "יעל כהן", "José Álvarez", "李雷", "Zoë 🌸", "Priya Natarajan", "Ólafur Þórsson", "Nguyễn Thị Mai",
            "Kwame Mensah", "Ana-María Pérez", "Søren Kierkegaard", "Ахмед Петров", "𝔐𝔞𝔯𝔦𝔞 ✨", "Emma Smith",
            "Lukas Müller", "Fatima Zahra", "Kenji Watanabe", "Chloé Dubois");

    /** What deleted accounts look like when Graph still names them. */
    static final String DELETED_USER_NAME = "Facebook user";

    static final List<String> CUSTOMER_TEXTS = List.of("Hi, is this still available?", "What are your opening hours?",
            "Do you ship to Canada?", "Thanks!", "How much is the large one?", "Can I pick it up tomorrow?",
            "ok", "My order hasn't arrived yet, order #48213", "Do you have it in blue?",
            "Is there parking nearby?", "Great, see you then", "Can I pay by card?", "?",
            "I'd like to book a table for 4 at 7pm", "Where exactly are you located?");

    static final List<String> PAGE_TEXTS = List.of("Hi! Thanks for reaching out 😊", "Yes, it is still available.",
            "We're open 8–18 Monday to Saturday.", "Sorry for the delay, let me check that for you.",
            "It ships within 2 business days.", "See you tomorrow!", "You're welcome!",
            "Could you send us your order number?", "Yes — card and cash are both fine.");

    static final List<String> EMOJI_TEXTS = List.of("🎉🎉🎉", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 is fun 🚀", "👍🏽",
            "Family photo 👨‍👩‍👧‍👦 coming soon", "Love it ❤️‍🔥", "🇳🇴🇯🇵🇧🇷", "Thanks 🙏 𝒯𝒽𝒶𝓃𝓀𝓈",
            "Ça coûte combien ? 🤔", "😀😃😄😁😆😅🤣😂🙂🙃😉😊😇");

    static final List<String> RTL_TEXTS = List.of("مرحبا، هل المنتج متوفر؟", "שלום, מתי אתם פתוחים?",
            "شكرا جزيلا 🌹", "אני רוצה להזמין 2 (שתיים) יחידות", "السعر 150 درهم؟ OK");

    /** A message with a NUL inside: legal in JSON, illegal in PostgreSQL text. */
    static final String TEXT_WITH_NUL = "copy\u0000paste accident";

    static final List<String> LONG_TEXTS = List.of(longText("Here is the full story of my order. ", 5200),
            longText("Detailed complaint 😤 regarding delivery 𝔘𝔫𝔦𝔠𝔬𝔡𝔢. ", 6100),
            longText("قصة طويلة جدا عن الطلب. ", 5050), longText("Lorem ipsum dolor sit amet 🎉 ", 9000));

    private static String longText(String sentence, int atLeastChars) {
        StringBuilder sb = new StringBuilder(atLeastChars + sentence.length());
        int n = 1;
        while (sb.length() < atLeastChars) {
            sb.append(n++).append(". ").append(sentence);
        }
        return sb.toString();
    }
}
