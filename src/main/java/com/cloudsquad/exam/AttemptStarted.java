package com.cloudsquad.exam;

import java.time.Instant;

/**
 * A new attempt was started (not a resumed one). A plain application event, published in the
 * start's transaction, for counters: no module reacts to it durably, so it is never written to the
 * event publication registry (only {@code @ApplicationModuleListener}s are).
 */
public record AttemptStarted(
        long attemptId, long accountId, long certificationId, AttemptMode mode, Instant startedAt) {}
