import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of public complaint filing (issue 6; no dependencies: run with `java bench/ComplaintLoad.java`),
 * against a server started with the public limit off (SLRT_COMPLAINT_RATE_LIMIT=false, bench/README.md).
 *
 * Each of N clients is a browser without an account: it opens the form once (`GET /pengaduan`: session
 * cookie and CSRF token, as a phone would), then files complaints one after another as the form does
 * (`POST /pengaduan`, multipart, no attachment), each answered with the redirect to its receipt. Only the
 * filing POST is timed, to the redirect (the receipt page is not fetched). Closed loop: a client files its
 * next complaint as soon as the previous one is answered (rate 0, the default), or open loop at a fixed
 * arrival rate shared by the clients (rate > 0: each client files every clients/rate seconds, starts
 * staggered, and a filing's time counts from when it was due, so a slow answer delays and is charged to
 * the filings behind it instead of hiding them). A warm-up phase first, then the measured phase; prints
 * filings/s, p50/p95/p99/max, errors and the load average.
 *
 * Usage: java bench/ComplaintLoad.java [baseUrl] [clients] [warmupSeconds] [seconds] [desaCode] [rate]
 */
public class ComplaintLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String[] CATEGORIES = {"PROGRAM_NOT_RECEIVED", "PAYMENT_PROBLEM", "DATA_ERROR", "NEED_HEALTH",
            "NEED_EDUCATION", "NEED_FOOD", "NEED_HOUSING", "NEED_ID_DOCUMENTS", "OTHER"};

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        String desa = args.length > 4 ? args[4] : "1409011012";
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        System.out.printf("cores (client and server on this machine): %d, clients: %d, %s, warm-up %d s, measured %d s%n",
                Runtime.getRuntime().availableProcessors(), clients,
                rate > 0 ? String.format("open loop at %.0f filings/s", rate) : "closed loop", warmup, seconds);
        System.out.println("load average before: " + loadAverage());

        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            all.add(Client.open(base, i));
        }
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<List<Long>> perClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long begin = System.nanoTime();
        long interval = rate > 0 ? (long) (clients / rate * 1e9) : 0;
        for (Client c : all) {
            long first = begin + (rate > 0 ? interval * c.number() / clients : 0);
            List<Long> mine = new ArrayList<>();
            perClient.add(mine);
            Thread t = new Thread(() -> {
                try {
                    long n = 0;
                    long due = first;
                    while (true) {
                        if (interval > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        long start = interval > 0 ? due : System.nanoTime();
                        due += interval;
                        if (start >= end) {
                            break;
                        }
                        boolean ok = c.file(desa, CATEGORIES[(int) (n++ % CATEGORIES.length)]);
                        long took = System.nanoTime() - start;
                        if (start >= warmEnd) {
                            if (ok) {
                                mine.add(took);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("client stopped: " + e);
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        List<Long> all2 = new ArrayList<>();
        perClient.forEach(all2::addAll);
        Collections.sort(all2);
        System.out.println("load average after: " + loadAverage());
        System.out.printf("%n%-30s %10s%n", "filings answered (measured)", String.format("%,d", all2.size()));
        System.out.printf("%-30s %10d%n", "errors", errors.get());
        System.out.printf("%-30s %10.1f%n", "filings/s", all2.size() / (double) seconds);
        System.out.printf("%-30s %10.1f%n", "p50 ms", pct(all2, 50));
        System.out.printf("%-30s %10.1f%n", "p95 ms", pct(all2, 95));
        System.out.printf("%-30s %10.1f%n", "p99 ms", pct(all2, 99));
        System.out.printf("%-30s %10.1f%n", "max ms", all2.isEmpty() ? 0 : all2.get(all2.size() - 1) / 1e6);
    }

    record Client(String base, HttpClient http, String csrf, int number) {
        static Client open(String base, int number) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/pengaduan")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no form at " + base + "/pengaduan: HTTP " + form.statusCode());
            }
            return new Client(base, http, m.group(1), number);
        }

        boolean file(String desa, String category) throws Exception {
            String boundary = "----slrtbench" + number;
            StringBuilder b = new StringBuilder();
            part(b, boundary, "_csrf", csrf);
            part(b, boundary, "regionCode", desa);
            part(b, boundary, "complainantName", "Warga Uji " + number);
            part(b, boundary, "complainantPhone", "0812" + String.format("%08d", number));
            part(b, boundary, "category", category);
            part(b, boundary, "type", "PENGADUAN");
            part(b, boundary, "description", "Bantuan tidak diterima sejak tiga bulan; mohon diperiksa (uji beban).");
            part(b, boundary, "website", "");
            b.append("--").append(boundary).append("--\r\n");
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/pengaduan"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> r = http.send(post, HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("tanda-terima");
        }

        private static void part(StringBuilder b, String boundary, String name, String value) {
            b.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                    .append(value).append("\r\n");
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
