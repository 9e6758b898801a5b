package id.go.jambiprov.dumisake.beneficiary.internal;

/** Where an import job stands. QUEUED and RUNNING are active: one at a time per OPD. */
public enum ImportJobStatus {
    QUEUED, RUNNING,
    /** everything written */
    SUCCEEDED,
    /** the file had errors, or a rule refused it: nothing written */
    REFUSED,
    /** it stopped without finishing (the application stopped, or something unexpected): nothing written */
    FAILED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
