package id.go.jambiprov.dumisake.obstacle;

/** OPEN until its first follow-up, then IN_FOLLOW_UP, until the OPD or an admin resolves it. */
public enum ObstacleStatus {
    OPEN, IN_FOLLOW_UP, RESOLVED;

    public boolean resolved() {
        return this == RESOLVED;
    }
}
