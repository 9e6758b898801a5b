package id.go.jambiprov.dumisake.targeting;

/**
 * A person of welfare decile 1 or 2 who received no active aid in the year although others of the same desa
 * did: someone to follow up. The NIK is masked, as in every list.
 *
 * @param servedInDesa the people of the desa who did receive aid in the year
 */
public record FollowUpPerson(long beneficiaryId, String maskedNik, String name, int decile, String desaName,
                             String kecamatanName, String kabupatenKotaName, long servedInDesa) {
}
