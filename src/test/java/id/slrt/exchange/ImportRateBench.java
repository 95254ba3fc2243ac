package id.slrt.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: measures the import rate of a generated CSV (households of four, valid data) against a
 * raw COPY of the same file into an unindexed table. Run with
 * {@code ./mvnw -o verify -Dtest=ImportRateBench -Dslrt.bench=true -Dslrt.bench.rows=10000}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "slrt.bench", matches = "true")
class ImportRateBench {
    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void importRateAgainstRawCopy() throws Exception {
        int rows = Integer.getInteger("slrt.bench.rows", 10_000);
        String csv = generate(rows / 4);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        Api api = new Api(port);
        String slrt = api.demoToken("slrt");

        long t0 = System.nanoTime();
        Api.Response started = api.upload("/api/v1/imports", slrt, java.util.Map.of(), "bench-" + rows + ".csv", bytes,
                "text/csv");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = api.get("/api/v1/imports/" + id, slrt).json();
        } while (job.get("status").asString().equals("RUNNING"));
        double importSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("create temp table bench_raw (kk text, nik text, nama text, tgl text, jk text, hub text, "
                    + "kawin text, alamat text, rt text, rw text, kode text)");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw from stdin (format csv, header true)",
                    new StringReader(csv));
        }
        double copySeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%nBENCH cores=%d rows=%d status=%s accepted=%d warnings=%d errors=%d households=%d%n",
                Runtime.getRuntime().availableProcessors(), rows, job.get("status").asString(),
                job.get("accepted").asInt(), job.get("warnings").asInt(), job.get("errors").asInt(),
                job.get("households").asInt());
        System.out.printf("BENCH import %.1f s = %.0f rows/s; raw COPY %.3f s = %.0f rows/s; ratio %.4f%n",
                importSeconds, rows / importSeconds, copySeconds, rows / copySeconds, copySeconds / importSeconds);
    }

    /** Households of four with NIKs unique by birth date (serial 8765), consistent with sex and date. */
    static String generate(int households) {
        StringBuilder sb = new StringBuilder("NO_KK,NIK,NAMA,TGL_LAHIR,JK,HUB_KELUARGA,STATUS_KAWIN,ALAMAT,RT,RW,KODE_WILAYAH\n");
        String[] desa = {"1409011012", "1409021016", "1409021018", "1409021025"};
        for (int h = 0; h < households; h++) {
            LocalDate issued = LocalDate.of(2000, 1, 1).plusDays(h);
            String kk = "140901" + String.format("%02d%02d%02d", issued.getDayOfMonth(), issued.getMonthValue(),
                    issued.getYear() % 100) + "8765";
            String region = desa[h % desa.length];
            person(sb, kk, LocalDate.of(1950, 1, 1).plusDays(h), false, "Bapak Uji", "1", "2", region);
            person(sb, kk, LocalDate.of(1952, 1, 1).plusDays(h), true, "Ibu Uji", "2", "2", region);
            person(sb, kk, LocalDate.of(1985, 1, 1).plusDays(h), false, "Anak Uji", "3", "1", region);
            person(sb, kk, LocalDate.of(1987, 1, 1).plusDays(h), true, "Putri Uji", "3", "1", region);
        }
        return sb.toString();
    }

    private static void person(StringBuilder sb, String kk, LocalDate birth, boolean female, String name, String rel,
                               String kawin, String region) {
        String nik = "140901" + String.format("%02d%02d%02d", birth.getDayOfMonth() + (female ? 40 : 0),
                birth.getMonthValue(), birth.getYear() % 100) + "8765";
        sb.append(kk).append(',').append(nik).append(',').append(name).append(',')
                .append(String.format("%02d-%02d-%d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear()))
                .append(',').append(female ? "P" : "L").append(',').append(rel).append(',').append(kawin)
                .append(",Jl. Uji 1,001,002,").append(region).append('\n');
    }
}
