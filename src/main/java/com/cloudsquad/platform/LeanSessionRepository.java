package com.cloudsquad.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session's JDBC repository, with two database round trips per request taken out:
 *
 * <ul>
 *   <li>After saving a request's session, Spring Session's filter looks it up once more only to
 *       compare its id with the cookie's: a full SELECT of the session and its attributes. That
 *       lookup is answered with the session the same thread has just saved. Spring Session leaves
 *       it on the thread after every dispatch, so {@link SessionStoreConfiguration}'s filter
 *       calls {@link #forget} around every dispatch (request, error page, async): no other
 *       request ever sees it.
 *   <li>Every request moves the session's last access time, which made every page view an UPDATE
 *       and a commit. A session whose attributes did not change is written only when its stored
 *       last access is at least {@link #ACCESS_WRITE_INTERVAL} old. With an 8-hour timeout, a
 *       session may so expire up to that interval early; new sessions and changed attributes (log
 *       in, log out, CSRF token, flash messages) are always written at once.
 * </ul>
 */
final class LeanSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<LeanSessionRepository.Tracked> {

    static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

    private static final ThreadLocal<Tracked> justSaved = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> reading = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> delegate;

    LeanSessionRepository(FindByIndexNameSessionRepository<S> delegate) {
        this.delegate = delegate;
    }

    @Override
    public Tracked createSession() {
        return new Tracked(delegate.createSession(), true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void save(Tracked session) {
        if (session.mustBeWritten()) {
            delegate.save((S) session.inner);
            session.written();
        }
        justSaved.set(session);
    }

    @Override
    public Tracked findById(String id) {
        Tracked saved = justSaved.get();
        justSaved.remove();
        if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
            return saved;
        }
        S found;
        reading.set(Boolean.TRUE);
        try {
            found = delegate.findById(id);
        } finally {
            reading.remove();
        }
        return found == null ? null : new Tracked(found, false);
    }

    @Override
    public void deleteById(String id) {
        justSaved.remove();
        delegate.deleteById(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked> found = new LinkedHashMap<>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Tracked(session, false)));
        return found;
    }

    /**
     * The transactions Spring Session's JDBC repository runs its statements in: a new one for each
     * write, as Spring Session does by default, and none for the one-statement read of a session.
     */
    static TransactionOperations transactions(PlatformTransactionManager manager) {
        TransactionTemplate writes = new TransactionTemplate(manager);
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return reading.get() != null
                        ? TransactionOperations.withoutTransaction().execute(action)
                        : writes.execute(action);
            }
        };
    }

    /** The end of a request: nothing saved in it may answer a later request's lookup. */
    static void forget() {
        justSaved.remove();
    }

    /** A session that knows whether anything but its last access time changed since it was stored. */
    static final class Tracked implements Session {

        private final Session inner;
        private boolean isNew;
        private boolean changed;
        private Instant storedAccess;

        Tracked(Session inner, boolean isNew) {
            this.inner = inner;
            this.isNew = isNew;
            this.storedAccess = inner.getLastAccessedTime();
        }

        boolean mustBeWritten() {
            return isNew
                    || changed
                    || Duration.between(storedAccess, inner.getLastAccessedTime())
                                    .compareTo(ACCESS_WRITE_INTERVAL)
                            >= 0;
        }

        void written() {
            isNew = false;
            changed = false;
            storedAccess = inner.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return inner.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return inner.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return inner.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return inner.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            inner.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            inner.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return inner.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            inner.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return inner.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            inner.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return inner.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return inner.isExpired();
        }
    }
}
