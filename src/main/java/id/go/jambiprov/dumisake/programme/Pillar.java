package id.go.jambiprov.dumisake.programme;

/** The five pillars of Dumisake (and of its successor Pro-Jambi). */
public enum Pillar {
    CERDAS, SEHAT, TANGGUH, AGAMIS, RESPONSIF
}
