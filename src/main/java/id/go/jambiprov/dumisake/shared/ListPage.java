package id.go.jambiprov.dumisake.shared;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

import java.util.List;

/**
 * One page of a long list whose number of rows is exact up to {@link ListCount}'s limit and the planner's
 * estimate beyond it ({@link #isTotalEstimated()}: the pager then says "about"). Whether a next page exists is
 * known exactly either way: the list reads one row more than it shows.
 */
public class ListPage<T> extends PageImpl<T> {

    private final boolean totalEstimated;
    private final boolean hasNext;

    /**
     * @param fetched the rows read for this page: up to the page size plus one, the extra one only telling that
     *                there is a next page
     */
    public ListPage(List<T> fetched, Pageable pageable, ListCount.Rows total) {
        super(fetched.size() > pageable.getPageSize() ? fetched.subList(0, pageable.getPageSize()) : fetched,
                pageable, total.value());
        this.totalEstimated = total.estimated();
        this.hasNext = fetched.size() > pageable.getPageSize();
    }

    /** The rows of a page that needs no count of its own: {@code total} is known exactly (a kept total). */
    public static <T> ListPage<T> exact(List<T> fetched, Pageable pageable, long total) {
        return new ListPage<>(fetched, pageable, new ListCount.Rows(total, false));
    }

    public boolean isTotalEstimated() {
        return totalEstimated;
    }

    /** The number of rows to two significant digits (27,149 → 27,000), as an estimate is said. */
    public long getRoundedTotal() {
        long total = getTotalElements();
        if (total < 100) {
            return total;
        }
        long unit = (long) Math.pow(10, (long) Math.log10(total) - 1);
        return Math.round((double) total / unit) * unit;
    }

    @Override
    public boolean hasNext() {
        return hasNext;
    }

    @Override
    public boolean isLast() {
        return !hasNext;
    }
}
