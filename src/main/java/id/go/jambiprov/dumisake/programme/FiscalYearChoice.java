package id.go.jambiprov.dumisake.programme;

/** A fiscal year as a year picker shows it: without the envelope totals that {@link FiscalYearView} adds up. */
public record FiscalYearChoice(int year, FiscalYearStatus status) {

    public boolean open() {
        return status == FiscalYearStatus.OPEN;
    }
}
