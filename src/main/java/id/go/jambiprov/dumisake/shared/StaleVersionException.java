package id.go.jambiprov.dumisake.shared;

/** Somebody else saved the record after the caller read it: 409, never a silent overwrite. */
public class StaleVersionException extends RuntimeException {

    private final String entityType;
    private final Object entityId;

    public StaleVersionException(String entityType, Object entityId) {
        super(entityType + " " + entityId + " was changed by someone else");
        this.entityType = entityType;
        this.entityId = entityId;
    }

    public String entityType() {
        return entityType;
    }

    public Object entityId() {
        return entityId;
    }
}
