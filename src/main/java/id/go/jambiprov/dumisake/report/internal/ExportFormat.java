package id.go.jambiprov.dumisake.report.internal;

/** The two table formats every list exports to. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The format a download URL asks for by its ending: {@code .csv}, otherwise Excel. */
    public static ExportFormat ofPath(String path) {
        return path.endsWith(".csv") ? CSV : XLSX;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
