package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;

/** One output indicator in a report: its target and what the report says was reached (null: not reported). */
public record ReportedOutput(long outputId, String name, String unit, BigDecimal target, BigDecimal achieved) {
}
