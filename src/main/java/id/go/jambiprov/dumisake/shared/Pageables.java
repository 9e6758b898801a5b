package id.go.jambiprov.dumisake.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.util.Set;

public final class Pageables {

    private Pageables() {
    }

    /**
     * {@code pageable} when it sorts only by properties the list allows, otherwise the same page sorted by
     * {@code fallback}: a hand-edited {@code ?sort=} must not reach the query.
     */
    public static Pageable allowedSort(Pageable pageable, Set<String> allowed, Sort fallback) {
        boolean valid = pageable.getSort().isSorted()
                && pageable.getSort().stream().allMatch(order -> allowed.contains(order.getProperty()));
        return valid ? pageable : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), fallback);
    }
}
