package id.go.jambiprov.dumisake.programme;

import id.go.jambiprov.dumisake.shared.NotFoundException;

import java.util.List;

/** A fiscal year as a year picker shows it: without the envelope totals that {@link FiscalYearView} adds up. */
public record FiscalYearChoice(int year, FiscalYearStatus status) {

    public boolean open() {
        return status == FiscalYearStatus.OPEN;
    }

    /**
     * The year a page shows, so that every page filtered by year picks it the same way: the year asked for,
     * else the open one, else the latest of {@code years} (newest first, as {@link FiscalYearService#choices()}
     * gives them). A year that does not exist, or no year at all, is not found.
     */
    public static int select(Integer asked, List<FiscalYearChoice> years) {
        int selected = asked != null ? asked
                : years.stream().filter(FiscalYearChoice::open).findFirst().or(() -> years.stream().findFirst())
                .map(FiscalYearChoice::year).orElseThrow(() -> new NotFoundException("fiscalYear.none"));
        if (years.stream().noneMatch(y -> y.year() == selected)) {
            throw new NotFoundException("fiscalYear.notFound", selected);
        }
        return selected;
    }
}
