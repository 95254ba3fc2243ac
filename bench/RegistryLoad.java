import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for the registry API (no dependencies: run with `java bench/RegistryLoad.java`).
 * Measures NIK lookup, tolerant name search and a page of the household list with concurrent
 * clients, and prints p50/p95/p99 latency and requests per second per workload, plus server heap.
 *
 * Usage: java bench/RegistryLoad.java [baseUrl] [user] [password] [clients] [seconds]
 */
public class RegistryLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String user = args.length > 1 ? args[1] : "slrt";
        String password = args.length > 2 ? args[2] : "demo12345";
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;

        String token = token(base, user, password);
        List<String[]> people = sample(base, token, 400);
        System.out.printf("sample: %d people from the household list%n", people.size());
        System.out.printf("cores (client machine): %d, clients: %d, seconds per workload: %d%n%n",
                Runtime.getRuntime().availableProcessors(), clients, seconds);
        System.out.printf("%-22s %8s %8s %8s %8s %10s %6s%n", "workload", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "errors");

        run("baseline (no database)", base, token, clients, seconds, r -> "/api/v1/regions/1409");
        run("NIK lookup", base, token, clients, seconds, r -> "/api/v1/people?nik=" + people.get(r.nextInt(people.size()))[0]);
        run("name search (typo)", base, token, clients, seconds, r -> "/api/v1/search?q="
                + enc(typo(people.get(r.nextInt(people.size()))[1], r)));
        run("household list page", base, token, clients, seconds, r -> "/api/v1/households?size=25&page=" + r.nextInt(200));
        System.out.println();
        System.out.println("server heap used: " + heap(base));
    }

    interface PathMaker {
        String next(Random r);
    }

    static void run(String name, String base, String token, int clients, int seconds, PathMaker paths) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        // warm-up
        Random warm = new Random(1);
        for (int i = 0; i < 300; i++) {
            get(base + paths.next(warm), token);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Random r = new Random(c * 7919L);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status = get(base + paths.next(r), token);
                    latencies.add(System.nanoTime() - t0);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            });
            t.start();
        }
        done.await();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-22s %8.1f %8.1f %8.1f %8.1f %10.0f %6d%n", name, ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, sorted.size() / (double) seconds, errors.get());
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** One or two letters changed, as people type names. */
    static String typo(String name, Random r) {
        char[] c = name.toCharArray();
        int i = 1 + r.nextInt(Math.max(1, c.length - 2));
        if (Character.isLetter(c[i])) {
            c[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(c);
    }

    static List<String[]> sample(String base, String token, int n) {
        List<String[]> out = new ArrayList<>();
        Pattern row = Pattern.compile("\"headName\":\"([^\"]+)\",\"headNik\":\"(\\d{16})\"");
        for (int page = 0; out.size() < n && page < 40; page++) {
            String body = body(base + "/api/v1/households?size=50&sort=kk&page=" + (page * 7), token);
            Matcher m = row.matcher(body);
            while (m.find()) {
                out.add(new String[] {m.group(2), m.group(1)});
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no households visible to this user: generate data first (bench/README.md)");
        }
        return out;
    }

    static String heap(String base) {
        String metrics = body(base + "/actuator/prometheus", null);
        double used = 0;
        Matcher m = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
        while (m.find()) {
            used += Double.parseDouble(m.group(1));
        }
        return String.format("%.0f MiB", used / 1024 / 1024);
    }

    static String token(String base, String user, String password) {
        String json = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("log-in failed: " + r.body());
            }
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int get(String url, String token) {
        try {
            return HTTP.send(request(url, token), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String body(String url, String token) {
        try {
            return HTTP.send(request(url, token), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
