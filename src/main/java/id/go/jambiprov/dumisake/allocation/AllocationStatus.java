package id.go.jambiprov.dumisake.allocation;

public enum AllocationStatus {
    ACTIVE, CANCELLED
}
