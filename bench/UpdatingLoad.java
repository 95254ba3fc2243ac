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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of pemutakhiran (no dependencies: run with `java bench/UpdatingLoad.java`), against a server
 * started with SLRT_GENERATE_PEOPLE and SLRT_GENERATE_REQUESTS (bench/README.md):
 *
 * 1. each role's inbox: `GET /api/v1/change-requests?inbox=…` (first page, 25 rows and the total) for the
 *    supervisor (to-verify), the district SLRT operator (to-apply) and the desa operator (mine, returned),
 *    plus the HTML page `/updates?inbox=…` when this build has it; p50/p95/p99/max over repeated requests;
 * 2. operator monitoring (`GET /api/v1/updating/monitoring`) for the supervisor and the district;
 * 3. one bulk APPLY of the verified requests by the SLRT operator (`POST /api/v1/change-requests/bulk`),
 *    in chunks of the given size (default: everything as one action): total time and requests/s.
 *
 * Usage: java bench/UpdatingLoad.java [baseUrl] [password] [repeats] [applyCount] [chunk] [skipApply]
 */
public class UpdatingLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String password = args.length > 1 ? args[1] : "demo12345";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int applyCount = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int chunk = args.length > 4 ? Integer.parseInt(args[4]) : applyCount;
        boolean skipApply = args.length > 5 && Boolean.parseBoolean(args[5]);

        String supervisor = token(base, "supervisor", password);
        String slrt = token(base, "slrt", password);
        String operator = token(base, "operator", password);
        String manager = token(base, "manajer", password);
        System.out.printf("cores (client machine, same as server here): %d, repeats per workload: %d%n%n",
                Runtime.getRuntime().availableProcessors(), repeats);
        System.out.printf("%-40s %9s %8s %8s %8s %8s%n", "workload (first page, 25 rows + total)", "total",
                "p50 ms", "p95 ms", "p99 ms", "max ms");
        api("supervisor  to-verify (API)", base, supervisor, "/api/v1/change-requests?inbox=to-verify", repeats);
        api("supervisor  all (API)", base, supervisor, "/api/v1/change-requests?inbox=all", repeats);
        api("slrt        to-apply (API)", base, slrt, "/api/v1/change-requests?inbox=to-apply", repeats);
        api("slrt        to-apply, page 40 (API)", base, slrt, "/api/v1/change-requests?inbox=to-apply&page=40", repeats);
        api("slrt        all, overdue (API)", base, slrt, "/api/v1/change-requests?inbox=all&overdue=true", repeats);
        api("operator    mine (API)", base, operator, "/api/v1/change-requests?inbox=mine", repeats);
        api("operator    returned (API)", base, operator, "/api/v1/change-requests?inbox=returned", repeats);
        api("manager     all (API)", base, manager, "/api/v1/change-requests?inbox=all", repeats);
        page("supervisor  /updates?inbox=to-verify (HTML)", base, "supervisor", password, "/updates?inbox=to-verify", repeats);
        page("slrt        /updates?inbox=to-apply (HTML)", base, "slrt", password, "/updates?inbox=to-apply", repeats);
        page("operator    /updates?inbox=mine (HTML)", base, "operator", password, "/updates?inbox=mine", repeats);
        api("supervisor  monitoring (API)", base, supervisor, "/api/v1/updating/monitoring", Math.max(20, repeats / 4));
        api("manager     monitoring, district (API)", base, manager, "/api/v1/updating/monitoring", Math.max(20, repeats / 4));
        if (!skipApply) {
            System.out.println();
            bulkApply(base, slrt, applyCount, chunk);
        }
    }

    static void api(String name, String base, String token, String path, int repeats) {
        String first = body(base + path, token);
        Matcher m = TOTAL.matcher(first);
        String total = m.find() ? m.group(1) : "?";
        measure(name, total, repeats, () -> status(base + path, token));
    }

    /** An HTML page measured through a logged-in session (form log-in with CSRF); skipped when this build has none. */
    static void page(String name, String base, String user, String password, String path, int repeats) {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String login = session.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            int status = session.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                System.out.printf("%-40s %9s   (HTTP %d: page not in this build)%n", name, "-", status);
                return;
            }
            measure(name, "-", repeats, () -> session.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception e) {
            System.out.printf("%-40s failed: %s%n", name, e);
        }
    }

    interface Call {
        int run() throws Exception;
    }

    static void measure(String name, String total, int repeats, Call call) {
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
            System.out.printf("%-40s %9s %8.1f %8.1f %8.1f %8.1f%s%n", name, total, ms(latencies, 0.50),
                    ms(latencies, 0.95), ms(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6,
                    errors == 0 ? "" : "   errors: " + errors);
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
