package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionOperations;

class LeanSessionRepositoryTests {

    /** A store that counts its lookups and hands out copies, as a database would. */
    static class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> rows = new HashMap<>();
        int lookups;
        int writes;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            writes++;
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            lookups++;
            MapSession row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    CountingStore store = new CountingStore();
    LeanSessionRepository<MapSession> sessions = new LeanSessionRepository<>(store);

    @AfterEach
    void endOfRequest() {
        LeanSessionRepository.forget();
    }

    @Test
    void theLookupRightAfterASaveIsAnsweredWithoutReadingTheStore() {
        LeanSessionRepository.Tracked session = sessions.createSession();
        sessions.save(session);

        assertThat(sessions.findById(session.getId())).isSameAs(session);
        assertThat(store.lookups).isZero();
    }

    @Test
    void onlyThatOneLookupAndOnlyForThatSession() {
        MapSession other = new MapSession();
        store.save(other);
        LeanSessionRepository.Tracked mine = sessions.createSession();
        sessions.save(mine);

        assertThat(sessions.findById(other.getId())).isNotNull();
        assertThat(sessions.findById(mine.getId())).isNotSameAs(mine).isNotNull();
        assertThat(store.lookups).isEqualTo(2);
    }

    @Test
    void theEndOfARequestForgetsWhatItSaved() {
        LeanSessionRepository.Tracked session = sessions.createSession();
        sessions.save(session);

        LeanSessionRepository.forget(); // the next request on this thread

        assertThat(sessions.findById(session.getId())).isNotSameAs(session);
        assertThat(store.lookups).isEqualTo(1);
    }

    @Test
    void aDeletedSessionIsNeverAnsweredFromMemory() {
        LeanSessionRepository.Tracked session = sessions.createSession();
        sessions.save(session);

        sessions.deleteById(session.getId());

        assertThat(sessions.findById(session.getId())).isNull();
    }

    @Test
    void aSessionIsWrittenWhenNewOrChangedButNotForEveryPageView() {
        LeanSessionRepository.Tracked created = sessions.createSession();
        sessions.save(created);
        assertThat(store.writes).as("a new session").isEqualTo(1);
        String id = created.getId();
        Instant stored = created.getLastAccessedTime();

        LeanSessionRepository.forget();
        LeanSessionRepository.Tracked pageView = sessions.findById(id);
        pageView.setLastAccessedTime(stored.plusSeconds(30));
        sessions.save(pageView);
        assertThat(store.writes)
                .as("only the access time moved, by less than a minute")
                .isEqualTo(1);

        LeanSessionRepository.forget();
        LeanSessionRepository.Tracked withAttribute = sessions.findById(id);
        withAttribute.setLastAccessedTime(stored.plusSeconds(31));
        withAttribute.setAttribute("flash", "Saved.");
        sessions.save(withAttribute);
        assertThat(store.writes).as("an attribute changed").isEqualTo(2);

        LeanSessionRepository.forget();
        LeanSessionRepository.Tracked later = sessions.findById(id);
        later.setLastAccessedTime(
                stored.plus(LeanSessionRepository.ACCESS_WRITE_INTERVAL).plusSeconds(31));
        sessions.save(later);
        assertThat(store.writes).as("the stored access time is a minute old").isEqualTo(3);
        assertThat(store.rows.get(id).getAttributeNames()).contains("flash");
    }

    @Test
    void everyKindOfDispatchForgetsWhatItSaved() {
        // Spring Session's filter also runs on ERROR and ASYNC dispatches (a 404 page, say) and
        // leaves what it saved on the thread: the forgetting must run there too.
        assertThat(new SessionStoreConfiguration().leanSessionForgetting().determineDispatcherTypes())
                .containsAll(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
    }

    @Test
    void anErrorPageLeavesNothingForTheThreadsNextRequest() throws Exception {
        MockHttpServletRequest login = new MockHttpServletRequest("POST", "/login");
        MockHttpServletResponse loggedIn = new MockHttpServletResponse();
        dispatch(
                login, loggedIn, (r, s) -> ((HttpServletRequest) r).getSession().setAttribute("user", "alice"));
        String cookie = loggedIn.getCookie("SESSION").getValue();
        String id = new String(Base64.getDecoder().decode(cookie));

        MockHttpServletRequest notFound = new MockHttpServletRequest("GET", "/error");
        notFound.setDispatcherType(DispatcherType.ERROR);
        notFound.setCookies(new Cookie("SESSION", cookie));
        dispatch(notFound, new MockHttpServletResponse(), (r, s) -> {
            ((HttpServletRequest) r).getSession().getAttribute("user");
            s.flushBuffer(); // a rendered page commits the response inside the session filter
        });
        store.deleteById(id); // logged out in another tab, or expired

        assertThat(sessions.findById(id)).as("the next request on this thread").isNull();
    }

    /**
     * Guards a Spring Session upgrade: the lean store exists because Spring Session's own filter
     * hands every session to {@code save} at the end of every request, changed or not (the write
     * the lean store skips), and may look it up again after saving (the read it answers from
     * memory). If a new version saves or reads differently, this fails, and the reasons in
     * {@link LeanSessionRepository}'s Javadoc need a new look.
     */
    @Test
    void springSessionStillSavesEveryRequestsSessionAndReadsItAtMostTwice() throws Exception {
        CountingStore plain = new CountingStore();
        SessionRepositoryFilter<MapSession> filter = new SessionRepositoryFilter<>(plain);
        MockHttpServletResponse created = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/login"), created, (r, s) -> ((HttpServletRequest) r)
                .getSession()
                .setAttribute("user", "alice"));
        String cookie = created.getCookie("SESSION").getValue();
        plain.lookups = 0;
        plain.writes = 0;

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
        page.setCookies(new Cookie("SESSION", cookie));
        filter.doFilter(page, new MockHttpServletResponse(), (r, s) -> ((HttpServletRequest) r)
                .getSession()
                .getAttribute("user"));

        assertThat(plain.writes).as("an unchanged session is still saved").isEqualTo(1);
        assertThat(plain.lookups)
                .as("lookups of one page view (4.1.0: the request's own only)")
                .isBetween(1, 2);

        // and through the lean store the second is answered from memory
        MockHttpServletResponse leanCreated = new MockHttpServletResponse();
        dispatch(new MockHttpServletRequest("POST", "/login"), leanCreated, (r, s) -> ((HttpServletRequest) r)
                .getSession()
                .setAttribute("user", "alice"));
        store.lookups = 0;
        store.writes = 0;
        MockHttpServletRequest leanPage = new MockHttpServletRequest("GET", "/");
        leanPage.setCookies(
                new Cookie("SESSION", leanCreated.getCookie("SESSION").getValue()));
        dispatch(leanPage, new MockHttpServletResponse(), (r, s) -> ((HttpServletRequest) r)
                .getSession()
                .getAttribute("user"));
        assertThat(store.lookups).isEqualTo(1);
        assertThat(store.writes).as("the lean store skips the unchanged write").isZero();
        assertThat(store.writes).as("the lean store skips the unchanged write").isZero();
    }

    /** As the servlet container runs the two filters: ours only for the dispatches it is registered for. */
    void dispatch(MockHttpServletRequest request, MockHttpServletResponse response, FilterChain servlet)
            throws Exception {
        SessionRepositoryFilter<LeanSessionRepository.Tracked> sessionFilter = new SessionRepositoryFilter<>(sessions);
        FilterRegistrationBean<Filter> forgetting = new SessionStoreConfiguration().leanSessionForgetting();
        FilterChain session = (req, res) -> sessionFilter.doFilter(req, res, servlet);
        if (forgetting.determineDispatcherTypes().contains(request.getDispatcherType())) {
            forgetting.getFilter().doFilter(request, response, session);
        } else {
            session.doFilter(request, response);
        }
    }

    @Test
    void anExpiredSessionIsNeverAnsweredFromMemory() {
        LeanSessionRepository.Tracked session = sessions.createSession();
        session.setMaxInactiveInterval(java.time.Duration.ofSeconds(1));
        session.setLastAccessedTime(Instant.now().minusSeconds(60));
        sessions.save(session);

        assertThat(sessions.findById(session.getId())).isNotSameAs(session);
    }

    @Test
    void aSessionIsReadWithoutATransactionAndWrittenInItsOwn() {
        List<String> begun = new ArrayList<>();
        PlatformTransactionManager manager = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                begun.add(
                        definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW
                                ? "new"
                                : "other");
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {}

            @Override
            public void rollback(TransactionStatus status) {}
        };
        TransactionOperations transactions = LeanSessionRepository.transactions(manager);
        // as Spring Session's JDBC repository does: every statement inside transactions.execute
        CountingStore jdbcLike = new CountingStore() {
            @Override
            public void save(MapSession session) {
                transactions.executeWithoutResult(status -> super.save(session));
            }

            @Override
            public MapSession findById(String id) {
                return transactions.execute(status -> super.findById(id));
            }
        };
        LeanSessionRepository<MapSession> repository = new LeanSessionRepository<>(jdbcLike);

        LeanSessionRepository.Tracked session = repository.createSession();
        repository.save(session);
        LeanSessionRepository.forget();
        repository.findById(session.getId());

        assertThat(begun).as("one new transaction, for the write only").containsExactly("new");
    }
}
