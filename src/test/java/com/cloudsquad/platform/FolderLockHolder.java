package com.cloudsquad.platform;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run in a child JVM by {@link EmbeddedDatabaseRestartIT}: holds a data folder's lock like a running app. */
public final class FolderLockHolder {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        try (FileChannel channel = FileChannel.open(
                folder.resolve("cloudsquad.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
