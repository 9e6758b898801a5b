package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.notification.NotificationKind;

import java.util.List;

/**
 * One notification before it is addressed: its kind and the arguments of the kind's sentence, the path it leads
 * to, and the key that names the occurrence, so that delivering it twice to one person stores it once.
 */
public record Notice(NotificationKind kind, List<String> params, String link, String dedupKey) {

    private static final int EXCERPT = 140;

    /** A missing parameter reads as nothing rather than failing the writer's transaction. */
    public Notice {
        params = params.stream().map(param -> param == null ? "" : param).toList();
    }

    /** A person's text shortened for a one-line sentence, on one line. */
    public static String excerpt(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1).strip() + "…";
    }
}
