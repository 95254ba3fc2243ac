import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eligibility benchmark client (no dependencies: run with `java bench/EligibilityLoad.java`).
 * 1. The per-desa preview of the rule editor over the whole district, for several rule texts: one
 *    warm-up, then `repeats` timed requests each; prints p50 and max (client) and the server's own time.
 * 2. A full run of five programs (PKH, BPNT, PBI_JK, ASLUT, ASPDB) over the district: time from the
 *    start request to DONE, polled every 250 ms; prints the counts per program.
 *
 * Usage: java bench/EligibilityLoad.java [baseUrl] [user] [password] [repeats]
 */
public class EligibilityLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String[]> RULES = List.of(
            new String[] {"desil <= 4", "household.desil <= 4"},
            new String[] {"PKH component (4 member clauses)",
                    "any member (age <= 6) or any member (age between 7 and 18) or any member (age >= 60)"
                            + " or any member (disability = 'GANDA')"},
            new String[] {"desil + elderly + earth floor",
                    "household.desil <= 4 and any member (age >= 60) and household.floor in ('TANAH', 'BAMBU')"},
            new String[] {"count pupils >= 2, not PPKS FM",
                    "count members (age between 6 and 18) >= 2 and not household.ppks = 'FM'"},
            new String[] {"neglected elderly (member PPKS)", "any member (age >= 60 and ppks = 'LUT')"});

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String user = args.length > 1 ? args[1] : "admin";
        String password = args.length > 2 ? args[2] : "demo12345";
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String token = token(base, user, password);
        System.out.printf("cores: %d, load average before: %s%n%n", Runtime.getRuntime().availableProcessors(), load());

        System.out.printf("%-36s %9s %9s %9s %10s %8s%n", "preview (district, per desa)", "p50 ms", "max ms",
                "server ms", "matching", "desa");
        for (String[] rule : RULES) {
            String body = "{\"text\":\"" + rule[1].replace("\"", "\\\"") + "\"}";
            post(base, token, "/api/v1/eligibility/preview", body);
            List<Long> times = new ArrayList<>();
            String last = null;
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                last = post(base, token, "/api/v1/eligibility/preview", body);
                times.add((System.nanoTime() - t) / 1_000_000);
            }
            Collections.sort(times);
            System.out.printf("%-36s %9d %9d %9s %10s %8d%n", rule[0], times.get(times.size() / 2),
                    times.get(times.size() - 1), field(last, "millis"), lastField(last, "matching"),
                    count(last, "\"regionCode\""));
        }

        System.out.printf("%nfull run, district 1409, PKH BPNT PBI_JK ASLUT ASPDB (load average before: %s)%n", load());
        long t = System.nanoTime();
        String run = post(base, token, "/api/v1/eligibility/runs",
                "{\"region\":\"1409\",\"programs\":[\"PKH\",\"BPNT\",\"PBI_JK\",\"ASLUT\",\"ASPDB\"]}");
        String id = field(run, "id").replace("\"", "");
        String status;
        do {
            Thread.sleep(250);
            run = get(base, token, "/api/v1/eligibility/runs/" + id);
            status = field(run, "status").replace("\"", "");
        } while (status.equals("RUNNING"));
        long elapsed = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("status %s in %.1f s (%s steps); load average after: %s%n", status, elapsed / 1000.0,
                field(run, "stepsTotal"), load());
        Matcher m = Pattern.compile("\"([A-Z_]+)\":\\{\"households\":(\\d+),\"eligible\":(\\d+),\"receiving\":(\\d+),"
                + "\"exclusion\":(\\d+),\"inclusion\":(\\d+)\\}").matcher(run);
        System.out.printf("%-8s %10s %10s %10s %10s %10s%n", "program", "households", "eligible", "receiving", "exclusion",
                "inclusion");
        long cases = 0;
        while (m.find()) {
            System.out.printf("%-8s %10s %10s %10s %10s %10s%n", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
                    m.group(6));
            cases += Long.parseLong(m.group(5)) + Long.parseLong(m.group(6));
        }
        System.out.printf("cases written: %d%n", cases);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[1];
        } catch (Exception e) {
            return "?";
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** The top-level field of the preview comes after its rows, which carry the same name. */
    static String lastField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static String token(String base, String user, String password) throws Exception {
        String r = post(base, null, "/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return field(r, "token").replace("\"", "");
    }

    static String post(String base, String token, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(b, token);
    }

    static String get(String base, String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).GET(), token);
    }

    static String send(HttpRequest.Builder b, String token) throws Exception {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
