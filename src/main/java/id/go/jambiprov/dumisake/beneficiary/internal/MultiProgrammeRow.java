package id.go.jambiprov.dumisake.beneficiary.internal;

/** A person who received aid from more than one programme in one fiscal year, for the expert team. */
public record MultiProgrammeRow(long beneficiaryId, String maskedNik, String name, String desaName,
                                String kecamatanName, int year, String programmes, long aidCount) {
}
