package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The first few allocations the demo hangs its people on, read a page at a time in id order until enough are found:
 * a national database holds hundreds of thousands in a demo year, of which the demo needs ten.
 */
final class DemoPicks {

    private static final int PAGE = 100;

    private DemoPicks() {
    }

    /** The first {@code count} active allocations of the OPD, year and mechanism of at least {@code smallest}, by id. */
    static List<AllocationView> firstAllocations(Allocations allocations, int year, String opdCode, Mechanism mechanism,
                                                 BigDecimal smallest, int count) {
        AllocationFilter filter = new AllocationFilter(year, null, null, opdCode, null, mechanism,
                AllocationStatus.ACTIVE);
        List<AllocationView> found = new ArrayList<>();
        Page<AllocationView> page = allocations.search(filter, PageRequest.of(0, PAGE, Sort.by("id")));
        while (true) {
            for (AllocationView allocation : page) {
                if (found.size() < count && allocation.amount().compareTo(smallest) >= 0) {
                    found.add(allocation);
                }
            }
            if (found.size() >= count || !page.hasNext()) {
                return found;
            }
            page = allocations.search(filter, page.nextPageable());
        }
    }
}
