package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

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
}
