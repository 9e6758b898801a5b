package id.go.jambiprov.dumisake.web;

import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A session as a request read it from the store ({@link SessionReadOnceFilter}): the stored session itself, and
 * whether anything but its last access has changed since it was read or last saved, which Spring Session's own
 * session does not tell (it counts the last access as a change).
 */
final class RequestSession implements Session {

    private final Session stored;
    private Instant storedLastAccess;
    private boolean changed;

    RequestSession(Session stored) {
        this.stored = stored;
        this.storedLastAccess = stored.getLastAccessedTime();
    }

    Session stored() {
        return stored;
    }

    /**
     * Whether saving would change what the store holds: an attribute, the id or the timeout changed, or the
     * last access the store holds is more than {@code interval} older than this request's.
     */
    boolean needsSaving(Duration interval) {
        return changed || Duration.between(storedLastAccess, stored.getLastAccessedTime()).compareTo(interval) > 0;
    }

    void saved() {
        changed = false;
        storedLastAccess = stored.getLastAccessedTime();
    }

    @Override
    public String getId() {
        return stored.getId();
    }

    @Override
    public String changeSessionId() {
        changed = true;
        return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
        return stored.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
        return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
        changed = true;
        stored.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
        changed = true;
        stored.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
        return stored.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        stored.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
        return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        changed = true;
        stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return stored.isExpired();
    }
}
