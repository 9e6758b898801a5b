package id.go.jambiprov.dumisake.disbursement;

import java.util.Map;
import java.util.Set;

/**
 * DRAFT → SUBMITTED (operator) → VERIFIED or REJECTED (admin); a REJECTED one goes back to DRAFT when
 * the operator edits it. Only VERIFIED money is realisation; everything but REJECTED counts against the
 * allocation.
 */
public enum DisbursementStatus {
    DRAFT, SUBMITTED, VERIFIED, REJECTED;

    private static final Map<DisbursementStatus, Set<DisbursementStatus>> NEXT = Map.of(
            DRAFT, Set.of(SUBMITTED),
            SUBMITTED, Set.of(VERIFIED, REJECTED),
            VERIFIED, Set.of(),
            REJECTED, Set.of(DRAFT));

    public boolean canMoveTo(DisbursementStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The operator may still change it. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }

    public boolean countsAgainstAllocation() {
        return this != REJECTED;
    }
}
