package id.go.jambiprov.dumisake.disbursement.domain;

import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.time.LocalDate;

/** The rules of disbursing an allocation, in plain Java. */
public final class DisbursementRules {

    private DisbursementRules() {
    }

    /** An SP2D is dated inside the allocation's fiscal year, and not after today. */
    public static void requireSp2dDate(LocalDate sp2dDate, int fiscalYear, LocalDate today) {
        if (sp2dDate.getYear() != fiscalYear) {
            throw new BusinessRuleException("SP2D_DATE_OUTSIDE_YEAR", "disbursement.sp2dDateOutsideYear", fiscalYear);
        }
        if (sp2dDate.isAfter(today)) {
            throw new BusinessRuleException("SP2D_DATE_IN_FUTURE", "disbursement.sp2dDateInFuture");
        }
    }

    public static void requireTransition(DisbursementStatus from, DisbursementStatus to) {
        if (!from.canMoveTo(to)) {
            throw new BusinessRuleException("INVALID_TRANSITION", "disbursement.invalidTransition",
                    statusName(from), statusName(to));
        }
    }

    private static MessageSourceResolvable statusName(DisbursementStatus status) {
        return new DefaultMessageSourceResolvable("disbursement.status." + status.name());
    }

    /** Invariant 4: whoever submitted a disbursement does not verify or reject it. */
    public static void requireOtherThanSubmitter(String submittedBy, String decidedBy) {
        if (decidedBy.equals(submittedBy)) {
            throw new BusinessRuleException("SUBMITTER_CANNOT_DECIDE", "disbursement.submitterCannotDecide");
        }
    }
}
