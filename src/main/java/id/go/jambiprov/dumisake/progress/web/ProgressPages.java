package id.go.jambiprov.dumisake.progress.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.progress.ProgressReportView;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the progress pages share: the allocation as the caller may see it (another OPD's is "not found"), and who may
 * change what — outputs the admin and the OPD's operator, reports the operator, both only in an open year. The
 * services check the same again; this only decides which buttons a page shows.
 */
@Component
class ProgressPages {

    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final Clock clock;

    ProgressPages(Allocations allocations, FiscalYearService fiscalYears, Clock clock) {
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
    }

    AllocationView allocation(long id, Model model) {
        AllocationView allocation = allocations.get(id);
        boolean open = fiscalYears.get(allocation.year()).open();
        Role role = CurrentUser.get().role();
        model.addAttribute("allocation", allocation);
        model.addAttribute("yearOpen", open);
        model.addAttribute("canEditOutputs", open && (role == Role.ADMIN || role == Role.OPD_OPERATOR));
        model.addAttribute("canWriteReports", open && allocation.active() && role == Role.OPD_OPERATOR);
        return allocation;
    }

    /** The month a new report is for by default: this month in the allocation's year, December of a past year. */
    Integer currentMonth(int year) {
        YearMonth today = YearMonth.now(clock.withZone(JambiTime.ZONE));
        if (year > today.getYear()) {
            return null;
        }
        return year == today.getYear() ? today.getMonthValue() : 12;
    }

    /** The months a new report may be written for: from the latest report's month (closed before it) to now. */
    List<Integer> newReportMonths(int year, List<ProgressReportView> reports) {
        Integer last = currentMonth(year);
        if (last == null) {
            return List.of();
        }
        int first = reports.isEmpty() ? 1 : reports.get(0).month() + 1;
        return IntStream.rangeClosed(first, last).boxed().toList();
    }
}
