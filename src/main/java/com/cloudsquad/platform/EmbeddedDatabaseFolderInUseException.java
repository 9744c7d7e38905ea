package com.cloudsquad.platform;

import java.nio.file.Path;

/** Another process (usually a second Cloud Squad) holds the embedded database folder. */
public class EmbeddedDatabaseFolderInUseException extends IllegalStateException {

    private final Path folder;

    EmbeddedDatabaseFolderInUseException(Path folder) {
        super("The embedded database folder " + folder + " is in use by another running Cloud Squad");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
