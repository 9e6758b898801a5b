package id.go.jambiprov.dumisake.targeting.domain;

/** The years the targeting figures can be asked for: from 2000 (the first BPS series kept) to next year. */
public final class TargetingYear {

    public static final int FIRST = 2000;

    private TargetingYear() {
    }

    public static boolean acceptable(int year, int thisYear) {
        return year >= FIRST && year <= thisYear + 1;
    }
}
