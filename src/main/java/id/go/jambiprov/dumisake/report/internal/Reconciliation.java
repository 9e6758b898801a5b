package id.go.jambiprov.dumisake.report.internal;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The treasury's SP2D file of a year compared with the VERIFIED disbursements of that year. */
public record Reconciliation(int year, String fileName, List<ReconciliationLine> lines) implements Serializable {

    /** Where the last reconciliation waits in the session for its export. */
    public static final String SESSION_KEY = "dumisake.sp2dReconciliation";

    public Map<ReconciliationLine.Outcome, Long> counts() {
        Map<ReconciliationLine.Outcome, Long> counts = new EnumMap<>(ReconciliationLine.Outcome.class);
        for (ReconciliationLine.Outcome outcome : ReconciliationLine.Outcome.values()) {
            counts.put(outcome, lines.stream().filter(line -> line.outcome() == outcome).count());
        }
        return counts;
    }
}
