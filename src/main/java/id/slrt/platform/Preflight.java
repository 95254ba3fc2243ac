package id.slrt.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks, before anything starts, the settings a newcomer most often gets wrong, and stops with one
 * clear line instead of a stack trace: district code, data directory, HTTP port, external database.
 * Registered only by {@code main}, so tests start without it.
 */
public class Preflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    public static void check(Environment env) {
        checkDistrictFormat(env.getProperty("slrt.district", ""));
        checkDataDir(Path.of(env.getProperty("slrt.data-dir", "./data")));
        checkPort(env.getProperty("server.port", Integer.class, 8080));
        String url = env.getProperty("slrt.db.url", "");
        if (!url.isBlank()) {
            checkExternalDatabase(url, env.getProperty("slrt.db.user", ""), env.getProperty("slrt.db.password", ""));
        }
    }

    static void checkDistrictFormat(String district) {
        if (district == null || !district.matches("\\d{4}")) {
            throw new StartupProblem(
                    "SLRT_DISTRICT '" + district + "' bukan kode kabupaten/kota 4 digit (contoh: 1409 untuk Kabupaten Kuantan Singingi).",
                    "SLRT_DISTRICT '" + district + "' is not a 4-digit kabupaten/kota code (e.g. 1409 for Kabupaten Kuantan Singingi).");
        }
    }

    public static void checkDataDir(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupProblem(
                    "direktori data " + abs + " tidak dapat ditulisi; atur SLRT_DATA_DIR ke direktori yang dapat ditulisi atau perbaiki izinnya.",
                    "data directory " + abs + " is not writable; set SLRT_DATA_DIR to a writable directory or fix its permissions.",
                    e);
        }
    }

    public static void checkPort(int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw portInUse(port);
        }
    }

    static StartupProblem portInUse(int port) {
        return new StartupProblem(
                "port " + port + " sudah dipakai program lain; hentikan program itu atau atur SERVER_PORT ke port lain.",
                "port " + port + " is already in use; stop that program or set SERVER_PORT to another port.");
    }

    public static void checkExternalDatabase(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new StartupProblem(
                    "SLRT_DB_URL '" + url + "' tidak valid; bentuknya jdbc:postgresql://host:port/nama_basis_data.",
                    "SLRT_DB_URL '" + url + "' is not valid; it must look like jdbc:postgresql://host:port/database.");
        }
        Properties props = new Properties();
        if (!user.isBlank()) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable
        } catch (SQLException e) {
            throw databaseProblem(url, e);
        }
    }

    private static StartupProblem databaseProblem(String url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new StartupProblem(
                    "PostgreSQL di " + url + " menolak login; periksa SLRT_DB_USER dan SLRT_DB_PASSWORD.",
                    "PostgreSQL at " + url + " refused the login; check SLRT_DB_USER and SLRT_DB_PASSWORD.", e);
        }
        if (state.equals("3D000")) {
            return new StartupProblem(
                    "basis data pada SLRT_DB_URL " + url + " belum ada; buat dulu (CREATE DATABASE) atau perbaiki namanya.",
                    "the database in SLRT_DB_URL " + url + " does not exist; create it (CREATE DATABASE) or fix its name.", e);
        }
        return new StartupProblem(
                "tidak dapat terhubung ke PostgreSQL di SLRT_DB_URL " + url + " (" + e.getMessage() + "); periksa host, port dan bahwa server berjalan.",
                "cannot connect to PostgreSQL at SLRT_DB_URL " + url + " (" + e.getMessage() + "); check host, port and that the server is running.", e);
    }
}
