import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
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
            all.add(Client.open(base, i, desa));
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
                        boolean ok = c.file((int) (n++ % CATEGORIES.length));
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

    /**
     * One browser: its session cookie and CSRF token come from a real GET of the form (java.net.http), then it
     * files over one kept-alive socket with the request bytes written by hand, as wrk or a phone's browser
     * would. The JDK's HttpClient (one per client: its own selector thread and executor) took about a fifth of
     * the two cores the server shares with it in this benchmark, so it measured the client as much as the server.
     */
    static final class Client {
        private final String host;
        private final int port;
        private final int number;
        private final byte[][] requests; // one per category: the same browser files the same form again
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] buffer = new byte[16 * 1024];

        private Client(String base, int number, String cookie, String csrf, String desa) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
            this.number = number;
            this.requests = new byte[CATEGORIES.length][];
            for (int i = 0; i < CATEGORIES.length; i++) {
                requests[i] = request(cookie, csrf, desa, CATEGORIES[i]);
            }
        }

        int number() {
            return number;
        }

        static Client open(String base, int number, String desa) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/pengaduan")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no form at " + base + "/pengaduan: HTTP " + form.statusCode());
            }
            String cookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .reduce((a, b) -> a + "; " + b).orElseThrow(() -> new IllegalStateException("no session cookie"));
            return new Client(base, number, cookie, m.group(1), desa);
        }

        private byte[] request(String cookie, String csrf, String desa, String category) {
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
            byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
            String head = "POST /pengaduan HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nCookie: " + cookie
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                    + body.length + "\r\nAccept: text/html\r\nOrigin: http://" + host + ":" + port + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }

        /** Files once; true when answered with the redirect to the receipt. */
        boolean file(int category) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = socket.getInputStream();
                out = socket.getOutputStream();
            }
            try {
                out.write(requests[category]);
                out.flush();
                return readAnswer();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        /** Reads one answer (head, then a Content-Length or chunked body); keeps the socket unless told to close. */
        private boolean readAnswer() throws IOException {
            int n = 0;
            int headEnd = -1;
            while (headEnd < 0) {
                int r = in.read(buffer, n, buffer.length - n);
                if (r < 0) {
                    throw new IOException("connection closed by the server");
                }
                n += r;
                headEnd = indexOf(buffer, n, "\r\n\r\n");
            }
            String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
            String lower = head.toLowerCase(java.util.Locale.ROOT);
            boolean ok = head.startsWith("HTTP/1.1 302") && lower.contains("\r\nlocation:")
                    && head.contains("tanda-terima");
            int have = n - headEnd - 4;
            int length = header(lower, "content-length");
            if (length >= 0) {
                skip(length - have);
            } else if (lower.contains("transfer-encoding: chunked")) {
                byte[] rest = new byte[64 * 1024];
                System.arraycopy(buffer, headEnd + 4, rest, 0, have);
                while (indexOf(rest, have, "0\r\n\r\n") < 0) {
                    int r = in.read(rest, have, rest.length - have);
                    if (r < 0) {
                        break;
                    }
                    have += r;
                }
            }
            if (lower.contains("connection: close")) {
                close();
            }
            return ok;
        }

        private void skip(int bytes) throws IOException {
            while (bytes > 0) {
                int r = in.read(buffer, 0, Math.min(bytes, buffer.length));
                if (r < 0) {
                    return;
                }
                bytes -= r;
            }
        }

        private static int header(String lowerHead, String name) {
            int i = lowerHead.indexOf("\r\n" + name + ":");
            if (i < 0) {
                return -1;
            }
            int end = lowerHead.indexOf("\r\n", i + 2);
            return Integer.parseInt(lowerHead.substring(i + name.length() + 3, end < 0 ? lowerHead.length() : end).trim());
        }

        private static int indexOf(byte[] data, int length, String what) {
            byte[] w = what.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = 0; i + w.length <= length; i++) {
                for (int j = 0; j < w.length; j++) {
                    if (data[i + j] != w[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
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
