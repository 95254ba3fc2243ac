import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of pemutakhiran (no dependencies: run with `java bench/UpdatingLoad.java`), against a server
 * started with SLRT_GENERATE_PEOPLE and SLRT_GENERATE_REQUESTS (bench/README.md):
 *
 * 1. each role's inbox, first page (25 rows and the total), both as the HTML page `/updates?inbox=…`
 *    (form log-in with CSRF, session cookie, the page as a browser gets it: query, region labels, Thymeleaf)
 *    and as the API `GET /api/v1/change-requests?inbox=…` (bearer token). The two are requested in turn,
 *    one client, so both see the same load on a shared machine; 50 warm-up pairs first, then
 *    p50/p95/p99/max of each; the load average before and after each workload;
 * 2. operator monitoring (`GET /api/v1/updating/monitoring`) for the supervisor and the district;
 * 3. one bulk APPLY of the verified requests by the SLRT operator (`POST /api/v1/change-requests/bulk`),
 *    in chunks of the given size (default: everything as one action): total time and requests/s.
 *
 * Usage: java bench/UpdatingLoad.java [baseUrl] [password] [repeats] [applyCount] [chunk] [skipApply]
 */
public class UpdatingLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern ROW_LINK = Pattern.compile("<a href=\"/updates/[0-9a-f-]{36}\"");
    private static final String ROW = "%-11s %-22s %7s %6s %7s %7s %7s %7s %7s %7s %7s %7s  %s%n";

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String password = args.length > 1 ? args[1] : "demo12345";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int applyCount = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int chunk = args.length > 4 ? Integer.parseInt(args[4]) : applyCount;
        boolean skipApply = args.length > 5 && Boolean.parseBoolean(args[5]);

        Actor supervisor = Actor.login(base, "supervisor", password);
        Actor slrt = Actor.login(base, "slrt", password);
        Actor operator = Actor.login(base, "operator", password);
        Actor manager = Actor.login(base, "manajer", password);
        System.out.printf("cores (client machine, same as server here): %d, repeats per workload: %d, load average: %s%n%n",
                Runtime.getRuntime().availableProcessors(), repeats, loadAverage());
        System.out.println("first page (25 rows + total); HTML = /updates?inbox=… with a session, API = /api/v1/change-requests?inbox=…");
        System.out.printf(ROW, "role", "inbox", "total", "rows", "HTML p50", "p95", "p99", "max", "API p50", "p95", "p99",
                "max", "load avg (1 min) before -> after");
        inbox(supervisor, "to-verify", "inbox=to-verify", repeats);
        inbox(supervisor, "all", "inbox=all", repeats);
        inbox(slrt, "to-apply", "inbox=to-apply", repeats);
        inbox(slrt, "to-apply, page 41", "inbox=to-apply&page=40", repeats);
        inbox(slrt, "all", "inbox=all", repeats);
        inbox(slrt, "all, overdue", "inbox=all&overdue=true", repeats);
        inbox(operator, "mine", "inbox=mine", repeats);
        inbox(operator, "returned", "inbox=returned", repeats);
        inbox(manager, "all", "inbox=all", repeats);
        System.out.println();
        System.out.printf("%-40s %8s %8s %8s %8s%n", "operator monitoring (API)", "p50 ms", "p95 ms", "p99 ms", "max ms");
        monitoring("supervisor  monitoring (API)", base, supervisor.token, Math.max(20, repeats / 4));
        monitoring("manager     monitoring, district (API)", base, manager.token, Math.max(20, repeats / 4));
        if (!skipApply) {
            System.out.println();
            System.out.println("load average before the bulk apply: " + loadAverage());
            bulkApply(base, slrt.token, applyCount, chunk);
            System.out.println("load average after the bulk apply: " + loadAverage());
        }
    }

    /** A demo user logged in twice: a bearer token for the API and a session (cookie) for the pages. */
    record Actor(String name, String base, String token, HttpClient session) {
        static Actor login(String base, String user, String password) throws Exception {
            HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String login = session.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<Void> done = session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String location = done.headers().firstValue("Location").orElse("");
            if (done.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("log-in of " + user + " failed: HTTP " + done.statusCode() + " " + location);
            }
            return new Actor(user, base, UpdatingLoad.token(base, user, password), session);
        }

        int page(String path) throws Exception {
            return session.send(HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String pageBody(String path) throws Exception {
            HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + r.statusCode());
            }
            return r.body();
        }
    }

    /** One inbox of one role: the HTML page and the API, requested in turn so both see the same load. */
    static void inbox(Actor actor, String label, String query, int repeats) {
        String html = "/updates?" + query;
        String api = "/api/v1/change-requests?" + query;
        String before = loadAverage1();
        try {
            Matcher m = TOTAL.matcher(body(actor.base + api, actor.token));
            String total = m.find() ? m.group(1) : "?";
            String page = actor.pageBody(html);
            int rows = count(ROW_LINK, page);
            for (int i = 0; i < Math.min(50, repeats); i++) {
                actor.page(html);
                status(actor.base + api, actor.token);
            }
            List<Long> pageTimes = new ArrayList<>();
            List<Long> apiTimes = new ArrayList<>();
            int errors = 0;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                int s1 = actor.page(html);
                long t1 = System.nanoTime();
                int s2 = status(actor.base + api, actor.token);
                long t2 = System.nanoTime();
                pageTimes.add(t1 - t0);
                apiTimes.add(t2 - t1);
                errors += (s1 == 200 ? 0 : 1) + (s2 == 200 ? 0 : 1);
            }
            Collections.sort(pageTimes);
            Collections.sort(apiTimes);
            System.out.printf(ROW, actor.name, label, total, rows, f(ms(pageTimes, 0.50)), f(ms(pageTimes, 0.95)),
                    f(ms(pageTimes, 0.99)), f(max(pageTimes)), f(ms(apiTimes, 0.50)), f(ms(apiTimes, 0.95)),
                    f(ms(apiTimes, 0.99)), f(max(apiTimes)), before + " -> " + loadAverage1()
                            + (errors == 0 ? "" : "   errors: " + errors));
        } catch (Exception e) {
            System.out.printf("%-11s %-22s failed: %s%n", actor.name, label, e);
        }
    }

    static void monitoring(String name, String base, String token, int repeats) {
        measure(name, repeats, () -> status(base + "/api/v1/updating/monitoring", token));
    }

    static String f(double ms) {
        return String.format("%.1f", ms);
    }

    static double max(List<Long> sorted) {
        return sorted.get(sorted.size() - 1) / 1e6;
    }

    static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The 1, 5 and 15 minute load averages of this machine (Linux), or "?" elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static String loadAverage1() {
        return loadAverage().split(" ")[0];
    }

    interface Call {
        int run() throws Exception;
    }

    static void measure(String name, int repeats, Call call) {
        int errors = 0;
        try {
            for (int i = 0; i < Math.min(50, repeats); i++) {
                call.run();
            }
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                int status = call.run();
                latencies.add(System.nanoTime() - t0);
                if (status != 200) {
                    errors++;
                }
            }
            Collections.sort(latencies);
            System.out.printf("%-40s %8.1f %8.1f %8.1f %8.1f%s%n", name, ms(latencies, 0.50), ms(latencies, 0.95),
                    ms(latencies, 0.99), max(latencies), errors == 0 ? "" : "   errors: " + errors);
        } catch (Exception e) {
            System.out.printf("%-40s failed: %s%n", name, e);
        }
    }

    /** Collects the ids of the to-apply inbox and applies them as bulk actions of {@code chunk} requests. */
    static void bulkApply(String base, String slrt, int count, int chunk) {
        Set<String> ids = new LinkedHashSet<>();
        Pattern id = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");
        for (int page = 0; ids.size() < count; page++) {
            String body = body(base + "/api/v1/change-requests?inbox=to-apply&sort=oldest&size=200&page=" + page, slrt);
            Matcher m = id.matcher(body);
            int before = ids.size();
            while (m.find() && ids.size() < count) {
                ids.add(m.group(1));
            }
            if (ids.size() == before) {
                break;
            }
        }
        List<String> all = new ArrayList<>(ids);
        System.out.printf("bulk APPLY by slrt: %,d verified requests in chunks of %,d%n", all.size(), chunk);
        long t0 = System.nanoTime();
        int done = 0;
        int refused = 0;
        for (int from = 0; from < all.size(); from += chunk) {
            List<String> part = all.subList(from, Math.min(all.size(), from + chunk));
            String json = "{\"action\":\"APPLY\",\"ids\":[\"" + String.join("\",\"", part) + "\"]}";
            long c0 = System.nanoTime();
            String result = post(base + "/api/v1/change-requests/bulk", slrt, json);
            int ok = count(result, "\"done\":true");
            int no = count(result, "\"done\":false");
            done += ok;
            refused += no;
            if (all.size() > chunk) {
                System.out.printf("  chunk %,6d..%,6d: %,d applied, %,d refused, %.1f s%n", from, from + part.size(), ok,
                        no, (System.nanoTime() - c0) / 1e9);
            }
            if (no > 0 && refused == no) {
                Matcher first = Pattern.compile("\"done\":false[^}]*").matcher(result);
                if (first.find()) {
                    System.out.println("  first refusal: " + first.group());
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-24s %,10d%n%-24s %,10d%n%-24s %10.1f%n%-24s %10.1f%n%-24s %10.1f%n", "applied", done,
                "refused", refused, "elapsed (s)", seconds, "requests/s", done / seconds, "ms per request",
                seconds * 1000 / Math.max(1, done + refused));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static String token(String base, String user, String password) {
        String body = post(base + "/api/v1/auth/token", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("log-in of " + user + " failed: " + body);
        }
        return m.group(1);
    }

    static int status(String url, String token) throws Exception {
        return HTTP.send(get(url, token), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String body(String url, String token) {
        try {
            return HTTP.send(get(url, token), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String post(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
