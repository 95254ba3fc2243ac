import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Benchmark of bulk import (issue 7), against a server started as in bench/README.md ("Bulk import"):
 *
 * 1. uploads the CSV through the real API ({@code POST /api/v1/imports}) as the given user and polls
 *    {@code GET /api/v1/imports/{id}} until the job ends: rows/s from the start of the upload to DONE;
 * 2. meanwhile polls {@code /actuator/prometheus} every 200 ms for the server's heap in use: the peak;
 * 3. then copies the same file with a raw {@code COPY … FROM STDIN (FORMAT csv, HEADER)} into a new
 *    table without indexes (all columns text) in the same database, three times, and takes the median:
 *    rows/s, and the ratio import / COPY.
 *
 * Needs the PostgreSQL driver on the class path (for the COPY):
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar bench/ImportLoad.java \
 *   [baseUrl] [user] [password] [csvFile] [pgDataDir]
 * pgDataDir is the embedded database's directory ($SLRT_DATA_DIR/pg): its port is read from postmaster.pid.
 */
public class ImportLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+-]+)",
            Pattern.MULTILINE);
    private static final Pattern HEAP_MAX = Pattern.compile(
            "^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+-]+)", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:18080";
        String user = args.length > 1 ? args[1] : "slrt";
        String password = args.length > 2 ? args[2] : "demo12345";
        Path csv = Path.of(args.length > 3 ? args[3] : "bench-data-import/import-1m.csv");
        Path pgDir = Path.of(args.length > 4 ? args[4] : "bench-data-import/pg");
        long fileRows = countLines(csv) - 1;
        String token = token(base, user, password);

        AtomicLong peakHeap = new AtomicLong();
        AtomicLong maxHeap = new AtomicLong();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String metrics = get(base + "/actuator/prometheus", null);
                    peakHeap.accumulateAndGet(sum(HEAP, metrics), Math::max);
                    maxHeap.set(sum(HEAP_MAX, metrics));
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep polling
                }
            }
        });
        poller.setDaemon(true);
        poller.start();

        System.out.printf(Locale.ROOT, "cores %d, file %s (%,d data rows, %.1f MB)%n",
                Runtime.getRuntime().availableProcessors(), csv, fileRows, Files.size(csv) / 1048576.0);
        long t0 = System.nanoTime();
        String started = upload(base + "/api/v1/imports", token, csv);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started);
        if (!id.find()) {
            throw new IllegalStateException("upload refused: " + started);
        }
        long uploaded = System.nanoTime();
        String job;
        long lastPrint = 0;
        while (true) {
            Thread.sleep(500);
            job = get(base + "/api/v1/imports/" + id.group(1), token);
            if (!job.contains("\"RUNNING\"")) {
                break;
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "  %6.0f s  %s%n", (lastPrint - t0) / 1e9, job);
            }
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        poller.interrupt();
        System.out.println("  job: " + job);

        List<Double> copies = new ArrayList<>();
        int columns = Files.newBufferedReader(csv).readLine().split(",", -1).length;
        String port = Files.readAllLines(pgDir.resolve("postmaster.pid")).get(3).trim();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/slrt", "postgres", "")) {
            for (int i = 0; i < 3; i++) {
                try (Statement st = c.createStatement()) {
                    StringBuilder ddl = new StringBuilder("create table bench_raw_copy (");
                    for (int k = 0; k < columns; k++) {
                        ddl.append(k == 0 ? "" : ", ").append("c").append(k).append(" text");
                    }
                    st.execute(ddl.append(")").toString());
                }
                long t = System.nanoTime();
                long copied;
                try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    copied = c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("copy bench_raw_copy from stdin (format csv, header true)", in);
                }
                copies.add((System.nanoTime() - t) / 1e9);
                if (copied != fileRows) {
                    System.out.println("  COPY read " + copied + " rows");
                }
                try (Statement st = c.createStatement()) {
                    st.execute("drop table bench_raw_copy");
                }
            }
        }
        Collections.sort(copies);
        double copySeconds = copies.get(1);
        double importRate = fileRows / importSeconds;
        double copyRate = fileRows / copySeconds;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %,14d%n", "rows", fileRows);
        System.out.printf(Locale.ROOT, "%-40s %14.1f   (upload %.1f s)%n", "import, upload to DONE (s)", importSeconds,
                (uploaded - t0) / 1e9);
        System.out.printf(Locale.ROOT, "%-40s %,14.0f%n", "import rows/s", importRate);
        System.out.printf(Locale.ROOT, "%-40s %14.2f   (runs %s)%n", "raw COPY, median of 3 (s)", copySeconds, copies);
        System.out.printf(Locale.ROOT, "%-40s %,14.0f%n", "raw COPY rows/s", copyRate);
        System.out.printf(Locale.ROOT, "%-40s %14.4f   (target >= 0.5)%n", "ratio import / COPY", importRate / copyRate);
        System.out.printf(Locale.ROOT, "%-40s %,14.0f   (max %,.0f MiB)%n", "server heap in use, peak (MiB)",
                peakHeap.get() / 1048576.0, maxHeap.get() / 1048576.0);
    }

    private static long sum(Pattern p, String text) {
        Matcher m = p.matcher(text);
        double total = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            total += v > 0 ? v : 0;
        }
        return (long) total;
    }

    private static long countLines(Path file) throws Exception {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    static String token(String base, String user, String password) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build();
        String body = HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("log-in of " + user + " failed: " + body);
        }
        return m.group(1);
    }

    static String get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String upload(String url, String token, Path file) throws Exception {
        String boundary = "----slrt-bench-" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload: HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
