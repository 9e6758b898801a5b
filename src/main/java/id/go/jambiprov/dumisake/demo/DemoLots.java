package id.go.jambiprov.dumisake.demo;

/**
 * How the work of each demo allocation goes, for its progress reports ({@link DemoProgress}) and its obstacles
 * ({@link DemoObstacles}), so that the red allocations are the ones with kendala. Three in four keep to the plan,
 * one in five lags (yellow), one in twenty is far behind (red), and one in fifty of each OPD and year, by id,
 * stopped reporting three months ago (red for the missing report; the month-end reminders). Per OPD, so that
 * every OPD with a few allocations has one of those too. Deterministic.
 */
final class DemoLots {

    enum Lot {
        ON_TRACK, LAGGING, FAR_BEHIND, STOPPED, NOT_STARTED;

        /** Done by the planned month, as the plan expects. */
        boolean onPlan() {
            return this == ON_TRACK || this == STOPPED;
        }

        boolean red() {
            return this == FAR_BEHIND || this == STOPPED || this == NOT_STARTED;
        }
    }

    private static final int STOPPED_EVERY = 50;
    private static final int STOPPED_AT = 5;
    private static final int NOT_STARTED_AT = 30;

    private DemoLots() {
    }

    /**
     * The lot of the allocation with that id, the {@code index}-th (from 0) of its OPD and year by id: the callers
     * read them a page at a time ({@link DemoPicks}).
     */
    static Lot of(long id, int index) {
        int place = index % STOPPED_EVERY;
        return place == STOPPED_AT ? Lot.STOPPED : place == NOT_STARTED_AT ? Lot.NOT_STARTED : byId(id);
    }

    private static Lot byId(long id) {
        int lot = (int) (id % 20);
        return lot < 15 ? Lot.ON_TRACK : lot < 19 ? Lot.LAGGING : Lot.FAR_BEHIND;
    }
}
