package id.go.jambiprov.dumisake.dashboard.internal;

import java.time.OffsetDateTime;

public record ReviewNoteView(long id, ReviewTarget targetType, String targetCode, String targetLabel,
                             Integer fiscalYear, String opdCode, String text, boolean open, String reply,
                             OffsetDateTime createdAt, String createdBy, OffsetDateTime resolvedAt,
                             String resolvedBy, long version) {
}
