package app.inboxsync.simulator;

/** A simulated Facebook Page and its Page access token. */
public record SimPage(String id, String name, String category, String token) {

    /** Tokens are secrets even in a simulator: keep them out of logs and assertion messages. */
    @Override
    public String toString() {
        return "SimPage[id=" + id + ", name=" + name + ", category=" + category + ", token=<redacted>]";
    }
}
