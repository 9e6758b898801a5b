package id.go.jambiprov.dumisake.allocation;

import java.math.BigDecimal;

/**
 * What a change of disbursements moved for one allocation: {@code disbursedChange} of the money counted against
 * it (every tranche but a rejected one), {@code realisedChange} of the verified money, which its envelope
 * realises too.
 */
public record SpendingChange(long allocationId, BigDecimal disbursedChange, BigDecimal realisedChange) {
}
