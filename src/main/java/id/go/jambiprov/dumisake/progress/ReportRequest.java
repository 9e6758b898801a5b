package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * A monthly progress report as the OPD's operator writes it.
 *
 * @param version null to write the month's first report (refused with 409 when one exists); the version that was
 *                read to change the month's report
 */
public record ReportRequest(int month, BigDecimal physicalPercent, List<AchievedOutput> outputs, String narrative,
                            String correctionReason, Long version) {

    public ReportRequest {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
