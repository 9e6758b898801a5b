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
import java.util.function.ObjIntConsumer;

/**
 * The demo's allocations read a page at a time in id order, never a whole year at once: a national database holds
 * hundreds of thousands in a demo year. The first few the demo hangs its people on are found on the first page.
 */
final class DemoPicks {

    private static final int PAGE = 100;
    private static final int PAGE_OF_OPD = 2_000;

    private DemoPicks() {
    }

    /** The {@code number}-th page (from 0) of the OPD's active allocations of the year, in id order. */
    static Page<AllocationView> page(Allocations allocations, int year, String opdCode, int number, int size) {
        return allocations.search(activeOf(year, opdCode, null), PageRequest.of(number, size, Sort.by("id")));
    }

    /**
     * Each active allocation of the OPD and year in id order, with its place in that order (from 0), read a page at a
     * time: what {@link DemoLots#of(long, int)} needs, never the whole year at once.
     */
    static void eachOfOpd(Allocations allocations, int year, String opdCode, ObjIntConsumer<AllocationView> each) {
        Page<AllocationView> page;
        int number = 0;
        do {
            page = page(allocations, year, opdCode, number, PAGE_OF_OPD);
            List<AllocationView> content = page.getContent();
            for (int i = 0; i < content.size(); i++) {
                each.accept(content.get(i), number * PAGE_OF_OPD + i);
            }
            number++;
        } while (page.hasNext());
    }

    private static AllocationFilter activeOf(int year, String opdCode, Mechanism mechanism) {
        return new AllocationFilter(year, null, null, opdCode, null, mechanism, AllocationStatus.ACTIVE);
    }

    /** The first {@code count} active allocations of the OPD, year and mechanism of at least {@code smallest}, by id. */
    static List<AllocationView> firstAllocations(Allocations allocations, int year, String opdCode, Mechanism mechanism,
                                                 BigDecimal smallest, int count) {
        AllocationFilter filter = activeOf(year, opdCode, mechanism);
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
