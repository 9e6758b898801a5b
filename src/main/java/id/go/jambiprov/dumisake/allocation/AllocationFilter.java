package id.go.jambiprov.dumisake.allocation;

/** What a list of allocations is narrowed to; every field is optional. */
public record AllocationFilter(Integer year, String kabupatenKotaCode, String kecamatanCode, String opdCode,
                               String programmeCode, Mechanism mechanism, AllocationStatus status) {

    public static AllocationFilter ofEnvelope(int year, String kecamatanCode) {
        return new AllocationFilter(year, null, kecamatanCode, null, null, null, null);
    }
}
