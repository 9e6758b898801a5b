package id.go.jambiprov.dumisake.report.internal;

/**
 * One column of an exported table: its heading, what kind of value it holds (so that money becomes a
 * number cell with the Rupiah format, not text) and whether the totals row sums it.
 */
public record Column(String heading, Kind kind, boolean summed, int width) {

    public enum Kind { TEXT, INTEGER, MONEY, PERCENT, DATE }

    public static Column text(String heading, int width) {
        return new Column(heading, Kind.TEXT, false, width);
    }

    public static Column integer(String heading) {
        return new Column(heading, Kind.INTEGER, false, 10);
    }

    public static Column money(String heading) {
        return new Column(heading, Kind.MONEY, true, 20);
    }

    public static Column percent(String heading) {
        return new Column(heading, Kind.PERCENT, false, 10);
    }

    public static Column date(String heading) {
        return new Column(heading, Kind.DATE, false, 12);
    }
}
