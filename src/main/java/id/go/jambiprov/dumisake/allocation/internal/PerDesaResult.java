package id.go.jambiprov.dumisake.allocation.internal;

import java.math.BigDecimal;

/** What a per-desa allocation wrote. */
public record PerDesaResult(int allocations, int kecamatan, BigDecimal total) {
}
