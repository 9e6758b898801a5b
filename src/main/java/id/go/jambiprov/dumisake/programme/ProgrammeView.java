package id.go.jambiprov.dumisake.programme;

/** @param maxWelfareDecile only people of this DTKS/P3KE decile or poorer may receive its direct aid; null: no limit */
public record ProgrammeView(String code, String name, Pillar pillar, String leadOpdCode, boolean active,
                            Integer maxWelfareDecile, long version) {
}
