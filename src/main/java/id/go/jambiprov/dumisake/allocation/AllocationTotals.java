package id.go.jambiprov.dumisake.allocation;

import java.math.BigDecimal;

/** Σ over a selection of allocations; money counts ACTIVE allocations only. */
public record AllocationTotals(long allocations, BigDecimal amount, BigDecimal disbursed, BigDecimal realised) {
}
