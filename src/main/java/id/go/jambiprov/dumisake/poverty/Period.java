package id.go.jambiprov.dumisake.poverty;

/**
 * The Susenas round a figure belongs to. Kabupaten/kota figures are the annual March estimate; the province
 * also has a September figure.
 */
public enum Period {
    MARET, SEPTEMBER
}
