package id.go.jambiprov.dumisake.programme;

/** A year is OPEN while money may be allocated and disbursed; once CLOSED it changes no more. */
public enum FiscalYearStatus {
    OPEN, CLOSED
}
