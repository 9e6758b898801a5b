package id.go.jambiprov.dumisake.allocation.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;

import java.math.BigDecimal;

/**
 * Allocations and the pagu of the envelopes are budgeted in whole rupiah: sen typed into them would spread into
 * every total ("Rp 77.069.999.999,50"). Every path that sets such an amount — the form, the API, the import, the
 * per-desa allocation, a revision, opening a year and changing its pagu — asks here. Disbursements and aid keep
 * their sen: an SP2D may carry them.
 */
public final class WholeRupiah {

    public static final String CODE = "SEN_NOT_ALLOWED";

    private WholeRupiah() {
    }

    public static boolean isWhole(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0;
    }

    public static void require(BigDecimal amount) {
        if (amount != null && !isWhole(amount)) {
            throw new BusinessRuleException(CODE, "allocation.wholeRupiah", Rupiah.format(amount));
        }
    }
}
