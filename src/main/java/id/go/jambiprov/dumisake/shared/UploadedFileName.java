package id.go.jambiprov.dumisake.shared;

/**
 * The name an uploaded file is kept under: what the browser sent, without a path some browsers add and
 * without control characters, shortened to the 255 characters the tables hold (its ending, which names the
 * type, kept). A name of a few hundred characters is not worth refusing an upload over.
 */
public final class UploadedFileName {

    static final int MAX = 255;
    private static final int ENDING = 20;

    private UploadedFileName() {
    }

    /** @return the name to keep, or {@code fallback} when the browser sent none */
    public static String of(String sent, String fallback) {
        if (sent == null) {
            return fallback;
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return fallback;
        }
        return name.length() <= MAX ? name
                : name.substring(0, MAX - ENDING - 1) + "…" + name.substring(name.length() - ENDING);
    }
}
