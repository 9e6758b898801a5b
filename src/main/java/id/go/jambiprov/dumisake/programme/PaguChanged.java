package id.go.jambiprov.dumisake.programme;

import java.math.BigDecimal;

/**
 * The pagu per kecamatan of an open fiscal year is about to change. Published inside the change's transaction
 * with the year's row locked; a listener that refuses the new pagu throws, and nothing changes.
 */
public record PaguChanged(int year, BigDecimal newPagu) {
}
