package id.go.jambiprov.dumisake.disbursement.internal;

import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;

/** The work list: one year, optionally one OPD (admins, experts), kecamatan, or allocations with a status. */
public record WorkListFilter(Integer year, String opdCode, String kecamatanCode, DisbursementStatus status) {
}
