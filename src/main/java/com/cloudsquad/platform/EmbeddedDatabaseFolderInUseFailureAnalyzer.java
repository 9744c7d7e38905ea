package com.cloudsquad.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked data folder into a plain message instead of a stack trace at start-up. */
class EmbeddedDatabaseFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseFolderInUseException cause) {
        return new FailureAnalysis(
                "Another Cloud Squad is already running on the embedded database folder " + cause.folder() + ".",
                "Stop the other instance, or give this one its own folder with --app.embedded-db.dir=<folder>,"
                        + " or configure a MySQL database with SPRING_DATASOURCE_URL.",
                cause);
    }
}
