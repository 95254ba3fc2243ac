package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {
    /** Characters that make quoting hard, mixed with ordinary ones. */
    private static final String ALPHABET = ",;|\"\r\n 'aZ9é\uFEFF";

    @Test
    void anyFieldsSurviveWritingAndParsingWithEachDelimiter() throws IOException {
        Random random = new Random(20261123);
        for (char delimiter : new char[] {',', ';', '|'}) {
            for (int run = 0; run < 2_000; run++) {
                List<List<String>> records = randomRecords(random);
                assertThat(parse(write(records, delimiter), delimiter)).as("delimiter %s", delimiter)
                        .isEqualTo(records);
            }
        }
    }

    @Test
    void delimiterIsTheOneMostUsedOutsideQuotesInTheHeader() {
        assertThat(Csv.detectDelimiter("a,b,c")).isEqualTo(',');
        assertThat(Csv.detectDelimiter("a;b;\"c,d,e\"")).isEqualTo(';');
        assertThat(Csv.detectDelimiter("a|b|c,d")).isEqualTo('|');
        assertThat(Csv.detectDelimiter("nomor_usulan")).isEqualTo(',');
    }

    private static List<List<String>> randomRecords(Random random) {
        List<List<String>> records = new ArrayList<>();
        for (int r = random.nextInt(4) + 1; r > 0; r--) {
            List<String> fields = new ArrayList<>();
            for (int f = random.nextInt(5) + 1; f > 0; f--) {
                fields.add(randomField(random));
            }
            records.add(fields);
        }
        return records;
    }

    private static String randomField(Random random) {
        StringBuilder field = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            field.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return field.toString();
    }

    private static String write(List<List<String>> records, char delimiter) throws IOException {
        StringWriter out = new StringWriter();
        for (List<String> record : records) {
            Csv.writeRecord(out, record, delimiter);
        }
        return out.toString();
    }

    private static List<List<String>> parse(String text, char delimiter) throws IOException {
        Csv.Parser parser = new Csv.Parser(new StringReader(text), delimiter);
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = parser.next(); record != null; record = parser.next()) {
            records.add(record);
        }
        return records;
    }
}
