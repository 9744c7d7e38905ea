/**
 * Platform reviews and ratings, and problem reports on the exact question versions candidates saw.
 * Reads attempts only through {@link com.cloudsquad.exam.AttemptRecords} (exam knows nothing of
 * feedback: its templates post to feedback's URLs); other modules read {@link
 * com.cloudsquad.feedback.Reviews#summary()} and {@link com.cloudsquad.feedback.FeedbackCounts}.
 */
@ApplicationModule(allowedDependencies = {"platform", "bank", "exam", "account"})
package com.cloudsquad.feedback;

import org.springframework.modulith.ApplicationModule;
