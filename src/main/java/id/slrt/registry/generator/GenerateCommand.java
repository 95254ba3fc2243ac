package id.slrt.registry.generator;

import id.slrt.platform.DbScope;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StartupProblem;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark data: with {@code slrt.generate.people} (SLRT_GENERATE_PEOPLE) set, generates that many
 * people into the configured database on start-up, prints the speed and the table sizes, and leaves
 * the server running for the benchmark that follows (bench/README.md).
 */
@Component
@Order(0)
class GenerateCommand implements ApplicationRunner {
    private final RegistryGenerator generator;
    private final SlrtProperties props;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String people;
    private final String seed;
    private final String csv;
    private final String csvErrors;

    GenerateCommand(RegistryGenerator generator, SlrtProperties props, JdbcTemplate jdbc, TransactionTemplate tx,
                    @Value("${slrt.generate.people:}") String people, @Value("${slrt.generate.seed:42}") String seed,
                    @Value("${slrt.generate.csv:}") String csv, @Value("${slrt.generate.csv-errors:0.03}") String csvErrors) {
        this.csv = csv;
        this.csvErrors = csvErrors;
        this.generator = generator;
        this.props = props;
        this.jdbc = jdbc;
        this.tx = tx;
        this.people = people;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (people.isBlank()) {
            return;
        }
        GenerationRequest request = GenerationRequest.of(props.district(),
                Settings.seed("SLRT_GENERATE_SEED", seed), Settings.positiveInt("SLRT_GENERATE_PEOPLE", people));
        if (!csv.isBlank()) {
            writeCsv(request);
            return;
        }
        GenerationReport report;
        try {
            report = generator.generate(request);
        } catch (RegistryNotEmptyException e) {
            throw new StartupProblem(e.indonesian(), e.english(), e);
        }
        print(System.out, report);
    }

    /** SLRT_GENERATE_CSV: the people go to a CSV file to import (bench/README.md), not to the database. */
    private void writeCsv(GenerationRequest request) {
        double rate = Double.parseDouble(csvErrors);
        java.nio.file.Path file = java.nio.file.Path.of(csv).toAbsolutePath();
        long started = System.nanoTime();
        long[] written = generator.writeImportFile(request, rate, file);
        PrintStream out = System.out;
        out.println();
        out.printf(Locale.ROOT, "SLRT import file: district %s, seed %d, %d cores%n", request.district(), request.seed(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-24s %s%n", "file", file);
        out.printf(Locale.ROOT, "  %-24s %,14d%n", "rows (people)", written[0]);
        out.printf(Locale.ROOT, "  %-24s %,14d%n", "households", written[1]);
        out.printf(Locale.ROOT, "  %-24s %,14d   (%.2f%%)%n", "rows with damage", written[2], 100.0 * written[2] / written[0]);
        out.printf(Locale.ROOT, "  %-24s %,14.1f%n", "size (MB)", file.toFile().length() / (1024.0 * 1024.0));
        out.printf(Locale.ROOT, "  %-24s %,14.1f%n", "elapsed (s)", (System.nanoTime() - started) / 1e9);
        out.println();
        out.flush();
    }

    private void print(PrintStream out, GenerationReport report) {
        out.println();
        out.printf(Locale.ROOT, "SLRT generator: district %s, seed %d, %d cores%n", report.district(), report.seed(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-24s %,14d%n", "people", report.people());
        out.printf(Locale.ROOT, "  %-24s %,14d%n", "households", report.households());
        out.printf(Locale.ROOT, "  %-24s %,14d%n", "rows, all tables", report.totalRows());
        out.printf(Locale.ROOT, "  %-24s %,14.1f%n", "elapsed (s)", report.elapsed().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  %-24s %,14.0f%n", "people/s", report.peoplePerSecond());
        out.printf(Locale.ROOT, "  %-24s %,14.0f%n", "rows/s", report.rowsPerSecond());
        out.println("  size (pg_total_relation_size, MB):");
        for (Map.Entry<String, Long> e : report.rows().entrySet()) {
            out.printf(Locale.ROOT, "    %-22s %,14.1f   (%,d rows)%n", e.getKey(), megabytes(relationSize(e.getKey())),
                    e.getValue());
        }
        out.printf(Locale.ROOT, "    %-22s %,14.1f%n", "whole database", megabytes(databaseSize()));
        out.println();
        out.flush();
    }

    private long relationSize(String table) {
        return DbScope.callAs(props.district(), () -> tx.execute(s ->
                jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table)));
    }

    private long databaseSize() {
        return DbScope.callAs(props.district(), () -> tx.execute(s ->
                jdbc.queryForObject("select pg_database_size(current_database())", Long.class)));
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
