package id.go.jambiprov.dumisake.programme;

public record ProgrammeView(String code, String name, Pillar pillar, String leadOpdCode, boolean active,
                            long version) {
}
