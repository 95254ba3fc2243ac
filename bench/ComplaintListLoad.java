import java.net.CookieManager;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the complaint oversight list (issue 6; no dependencies: `java bench/ComplaintListLoad.java`),
 * against a server started with SLRT_GENERATE_COMPLAINTS=1000000 (bench/README.md). For each role and
 * list, the first page (25 rows + total, overdue first) as the HTML page `/complaints?…` (form log-in,
 * session) and as the API `GET /api/v1/complaints?…` (bearer token), requested in turn by one client;
 * warm-up, then p50/p95/p99/max of each and the load average.
 *
 * Usage: java bench/ComplaintListLoad.java [baseUrl] [password] [repeats]
 */
public class ComplaintListLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final String ROW = "%-11s %-34s %9s %8s %7s %7s %7s %8s %7s %7s %7s  %s%n";

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String password = args.length > 1 ? args[1] : "demo12345";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        System.out.printf("cores (client machine, same as server here): %d, repeats: %d, load average: %s%n%n",
                Runtime.getRuntime().availableProcessors(), repeats, load());
        System.out.printf(ROW, "role", "list", "total", "HTML p50", "p95", "p99", "max", "API p50", "p95", "p99", "max",
                "load (1 min) before -> after");
        String[][] lists = {
                {"manajer", "open, overdue first", "status=OPEN"},
                {"manajer", "all statuses", "status="},
                {"manajer", "overdue only", "status=OPEN&overdue=true"},
                {"manajer", "open, one category", "status=OPEN&category=NEED_HEALTH"},
                {"manajer", "open, newest", "status=OPEN&sort=newest"},
                {"manajer", "open, page 101", "status=OPEN&page=100"},
                {"slrt", "open, overdue first", "status=OPEN"},
                {"supervisor", "open, overdue first", "status=OPEN"},
                {"operator", "open, overdue first", "status=OPEN"},
        };
        String lastUser = null;
        Actor actor = null;
        for (String[] l : lists) {
            if (!l[0].equals(lastUser)) {
                actor = Actor.login(base, l[0], password);
                lastUser = l[0];
            }
            measure(actor, l[1], l[2], repeats);
        }
    }

    static void measure(Actor a, String label, String query, int repeats) throws Exception {
        String before = load1();
        String html = "/complaints?" + query;
        String api = "/api/v1/complaints?" + query;
        Matcher m = TOTAL.matcher(a.api(api).body());
        String total = m.find() ? String.format("%,d", Long.parseLong(m.group(1))) : "?";
        for (int i = 0; i < Math.min(30, repeats); i++) {
            a.page(html);
            a.api(api);
        }
        List<Long> pages = new ArrayList<>();
        List<Long> apis = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            int s1 = a.page(html);
            long t1 = System.nanoTime();
            int s2 = a.api(api).statusCode();
            long t2 = System.nanoTime();
            pages.add(t1 - t0);
            apis.add(t2 - t1);
            errors += (s1 == 200 ? 0 : 1) + (s2 == 200 ? 0 : 1);
        }
        Collections.sort(pages);
        Collections.sort(apis);
        System.out.printf(ROW, a.user, label + (errors > 0 ? " (" + errors + " errors)" : ""), total,
                ms(pages, 50), ms(pages, 95), ms(pages, 99), ms(pages, 100), ms(apis, 50), ms(apis, 95), ms(apis, 99),
                ms(apis, 100), before + " -> " + load1());
    }

    record Actor(String user, String base, String token, HttpClient session) {
        static Actor login(String base, String user, String password) throws Exception {
            HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String login = session.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<Void> done = session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            if (done.statusCode() != 302 || done.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("log-in of " + user + " failed: HTTP " + done.statusCode());
            }
            String tokenBody = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                            + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher t = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(tokenBody);
            if (!t.find()) {
                throw new IllegalStateException("no token for " + user + ": " + tokenBody);
            }
            return new Actor(user, base, t.group(1), session);
        }

        int page(String path) throws Exception {
            return session.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        HttpResponse<String> api(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static String ms(List<Long> sorted, int p) {
        int i = Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return String.format("%.1f", sorted.get(i) / 1e6);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    static String load1() {
        return load().split(" ")[0];
    }
}
