package id.slrt.exchange.internal;

import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.ImportJob;
import id.slrt.exchange.ImportRow;
import id.slrt.exchange.RowProblem;
import id.slrt.platform.Texts;
import id.slrt.registry.BankAccounts;
import id.slrt.registry.Issue;
import id.slrt.registry.RegistryBulk;
import id.slrt.registry.RegistryValidator;
import id.slrt.shared.CurrentActor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an import would do with the first rows of a file, without writing anything: the header read with
 * the detected or the importer's mapping, the first {@value #ROWS} data rows normalized and judged exactly
 * as the import judges them (the registry's validation service, duplicates within the rows shown, people
 * already registered and what would be done with them), in one read-only transaction.
 */
@Component
public class ImportPreviewer {
    public static final int ROWS = 20;

    private final RegistryBulk registry;
    private final RegistryValidator validator;
    private final ExistingHouseholds existing;
    private final Texts texts;
    private final TransactionTemplate readOnly;

    ImportPreviewer(RegistryBulk registry, RegistryValidator validator, ExistingHouseholds existing, Texts texts,
                    PlatformTransactionManager transactions) {
        this.registry = registry;
        this.validator = validator;
        this.existing = existing;
        this.texts = texts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The preview: each column with the field it is read as (and the one detection proposed), the first
     * rows with their would-be outcomes, and whether the file has more rows. {@code identifies} is false
     * when no column is read as NIK, NAMA or NO_KK: the file cannot be imported with this mapping.
     */
    public record Preview(List<ImportJob.Column> columns, List<String> detected, List<ImportRow> rows, boolean more,
                          boolean identifies) {
    }

    /**
     * @param fields per column the field the importer chose (null: kept as is), or null to detect them
     * @throws IllegalArgumentException when the mapping gives one field to two columns
     * @throws UnreadableFile when the file has no header row or cannot be read
     */
    public Preview preview(Path file, TableReader.Format format, String fileName, String scope, List<Field> fields,
                           ExistingPeople mode, CurrentActor actor) {
        List<List<Cell>> data = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String>[] header = new List[1];
        boolean[] more = {false};
        int[] headerLine = {0, 0};
        boolean xlsx = format.format().equals("XLSX");
        TableReader.read(file, format, (line, cells) -> {
            boolean blank = cells.stream().allMatch(Cell::blank);
            if (header[0] == null) {
                if (!blank) {
                    header[0] = cells.stream().map(Cell::text).toList();
                    headerLine[0] = line;
                }
                return true;
            }
            int rowNo = xlsx ? line - headerLine[0] : ++headerLine[1];
            if (blank) {
                return true;
            }
            if (data.size() == ROWS) {
                more[0] = true;
                return false;
            }
            data.add(cells);
            numbers.add(rowNo);
            return true;
        });
        if (header[0] == null) {
            throw new UnreadableFile("import.file.empty", null);
        }
        HeaderMapping detected = HeaderMapping.detect(header[0]);
        HeaderMapping mapping = fields == null ? detected : HeaderMapping.of(header[0], fields);
        List<String> detectedFields = detected.describe().stream().map(ImportJob.Column::field).toList();
        if (!mapping.identifies()) {
            List<ImportRow> rows = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                rows.add(new ImportRow(numbers.get(i), data.get(i).stream().map(Cell::text).toList(), null, List.of(),
                        null));
            }
            return new Preview(mapping.describe(), detectedFields, rows, more[0], false);
        }
        List<ImportRow> rows = readOnly.execute(s -> judge(mapping, data, numbers, fileName, scope, mode, actor));
        return new Preview(mapping.describe(), detectedFields, rows, more[0], true);
    }

    private List<ImportRow> judge(HeaderMapping mapping, List<List<Cell>> data, List<Integer> numbers, String fileName,
                                  String scope, ExistingPeople mode, CurrentActor actor) {
        List<BankAccounts.Bank> banks = validator.banks();
        RowNormalizer normalizer = new RowNormalizer(mapping, scope, banks);
        Map<String, Integer> firstRowOfNik = new HashMap<>();
        Map<String, List<StagedRow>> households = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            StagedRow r = normalizer.normalize(numbers.get(i), data.get(i));
            if (r.nik() != null) {
                Integer first = firstRowOfNik.putIfAbsent(r.nik(), r.rowNo());
                if (first != null) {
                    List<RowProblem> problems = new ArrayList<>(r.problems());
                    problems.add(new RowProblem("import.nik-duplicate-in-file", Issue.Severity.ERROR,
                            mapping.header(Field.NIK), first));
                    r = new StagedRow(r.rowNo(), r.regionCode(), r.householdKey(), r.nik(), r.raw(), r.data(), null,
                            problems, null);
                }
            }
            households.computeIfAbsent(r.householdKey(), k -> new ArrayList<>()).add(r);
        }
        HouseholdImporter importer = new HouseholdImporter(registry, banks, mapping, actor,
                texts.get(Texts.INDONESIAN, "import.warning-reason", fileName), "preview", existing, mode, true);
        HouseholdImporter.Result result = importer.applyAll(new ArrayList<>(households.values()),
                new ImportRunner.Profile());
        return result.rows().stream().sorted((a, b) -> Integer.compare(a.rowNo(), b.rowNo()))
                .map(r -> new ImportRow(r.rowNo(), r.raw(), r.outcome(), r.problems(), r.action())).toList();
    }
}
