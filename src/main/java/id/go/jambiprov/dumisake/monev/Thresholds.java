package id.go.jambiprov.dumisake.monev;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The traffic light's thresholds in deviation points, as set by an admin, with the version a change starts from. */
public record Thresholds(BigDecimal greenMaxDeviation, BigDecimal yellowMaxDeviation, OffsetDateTime updatedAt,
                         String updatedBy, long version) {
}
