package id.go.jambiprov.dumisake.beneficiary.internal;

/** The step an import job is in. */
public enum ImportPhase {
    QUEUED, READING, VALIDATING, WRITING, DONE
}
