package id.slrt.registry.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.slrt.platform.DbScope;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.IdNumbers;
import id.slrt.registry.Names;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.Relationship;
import id.slrt.support.IntegrationTest;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryGeneratorTest {
    /** Kota Padang Panjang: 2 kecamatan, 16 kelurahan/desa; small enough for every desa to get families. */
    private static final String SMALL_CITY = "1374";
    private static final ErrorRates RAISED = new ErrorRates(0.05, 0.05, 0.02, 0.1);

    @Autowired
    RegistryGenerator generator;
    @Autowired
    RegistryValidator validator;
    @Autowired
    RegionService regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private GenerationReport smallCity;

    @BeforeAll
    void writeASmallCity() {
        smallCity = generator.generate(GenerationRequest.of(SMALL_CITY, 5, 3000).withErrors(RAISED));
    }

    @Test
    void sameSeedGivesTheSameHouseholdsIdsAndNiks() {
        GenerationRequest request = GenerationRequest.of("1409", 99, 2000);
        List<String> first = fingerprints(request);
        assertThat(fingerprints(request)).isEqualTo(first);
        assertThat(fingerprints(GenerationRequest.of("1409", 100, 2000))).doesNotContainAnyElementsOf(first);
        assertThat(members(request).count()).isEqualTo(2000);
    }

    @Test
    void everyNikWithoutAnInjectedErrorEncodesTheDesaKecamatanBirthDateAndSex() {
        List<String> wrong = new ArrayList<>();
        households(GenerationRequest.of("1409", 3, 5000)).forEach(h -> h.members().stream()
                .filter(m -> !m.injected().contains(Injection.NIK_LENGTH))
                .forEach(m -> {
                    IdNumbers.Check check = validator.nik("nik", m.nik(), m.birthDate(), m.sex());
                    boolean ownKecamatan = m.injected().contains(Injection.DUPLICATE_PERSON)
                            || m.nik().startsWith(h.village().kecamatanCode());
                    if (!check.result().issues().isEmpty() || !ownKecamatan || m.nik().endsWith("0000")) {
                        wrong.add(m.nik() + " " + m.birthDate() + " " + m.sex() + " " + check.result().issues());
                    }
                }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void injectedErrorsComeAtRoughlyTheirRatesAndTheValidatorsFindEachOne() {
        List<Generated.Household> households = households(GenerationRequest.of("1409", 11, 20_000).withErrors(RAISED))
                .toList();
        List<Generated.Member> people = households.stream().flatMap(h -> h.members().stream()).toList();
        List<Generated.Account> accounts = households.stream().map(Generated.Household::account)
                .filter(a -> a != null).toList();
        Map<String, Long> findings = households.stream().flatMap(h -> h.findings().stream())
                .collect(Collectors.groupingBy(f -> f.issue().code(), Collectors.counting()));

        long wrongLength = injected(people, Injection.NIK_LENGTH);
        long duplicates = injected(people, Injection.DUPLICATE_PERSON);
        long oldSpelling = injected(people, Injection.OLD_SPELLING);
        long damagedAccounts = accounts.stream().filter(Generated.Account::injected).count();
        assertThat((double) wrongLength / people.size()).isBetween(0.04, 0.06);
        assertThat((double) duplicates / people.size()).isBetween(0.014, 0.026);
        assertThat((double) oldSpelling / people.size()).isBetween(0.085, 0.115);
        assertThat((double) damagedAccounts / accounts.size()).isBetween(0.035, 0.065);

        assertThat(findings.get("nik.length")).isEqualTo(wrongLength);
        assertThat(findings.get("nik.duplicate-visible")).isEqualTo(duplicates);
        assertThat(findings.getOrDefault("bank-account.letters", 0L) + findings.getOrDefault("bank-account.too-short", 0L))
                .isEqualTo(damagedAccounts);
        assertThat(findings.keySet()).containsOnly("nik.length", "nik.duplicate-visible", "bank-account.letters",
                "bank-account.too-short");
    }

    @Test
    void oldSpellingsFoldToTheSameSearchKeyAsTheModernName() {
        List<Generated.Member> old = members(GenerationRequest.of("3301", 8, 5000).withErrors(RAISED))
                .filter(m -> m.injected().contains(Injection.OLD_SPELLING)).toList();
        assertThat(old).hasSizeGreaterThan(300);
        assertThat(old).allSatisfy(m -> {
            assertThat(m.fullName()).isNotEqualTo(m.modernName());
            assertThat(Names.key(m.fullName())).isEqualTo(Names.key(m.modernName()));
        });
        assertThat(old).anyMatch(m -> m.fullName().matches(".*(oe|Oe|dj|Dj|tj|Tj).*"));
    }

    @Test
    void householdsLookLikeIndonesianFamilies() {
        List<Generated.Household> households = households(GenerationRequest.of("1409", 21, 20_000)).toList();
        double size = households.stream().mapToInt(h -> h.members().size()).average().orElseThrow();
        assertThat(size).isBetween(3.3, 3.9);
        assertThat(households).allSatisfy(h -> {
            assertThat(h.members()).hasSizeBetween(1, 8);
            assertThat(h.members()).filteredOn(m -> m.relationship() == Relationship.KEPALA).hasSize(1);
            assertThat(h.noKk()).hasSize(16).startsWith(h.village().kecamatanCode());
            assertThat(h.rt()).matches("\\d{3}");
            assertThat(h.rw()).matches("\\d{3}");
            childrenWereBornToAMotherOf17To45(h);
        });
        assertThat(share(households, h -> h.head().sex() == id.slrt.registry.Sex.L)).isBetween(0.75, 0.92);
        assertThat(share(households, h -> h.account() != null)).isBetween(0.55, 0.65);
        assertThat(share(households, h -> hasProgram(h, "PKH"))).isBetween(0.16, 0.24);
        assertThat(share(households, h -> hasProgram(h, "BPNT"))).isBetween(0.30, 0.40);
        assertThat(share(households, h -> hasProgram(h, "PBI_JK"))).isBetween(0.54, 0.66);
        assertThat(share(households, h -> hasProgram(h, "KIP"))).isBetween(0.05, 0.35);
        assertThat(share(households, h -> h.ppks().stream().anyMatch(p -> p.category().equals("FM")))).isGreaterThan(0.5);
        double disabled = households.stream().flatMap(h -> h.ppks().stream()).filter(p -> p.category().equals("PD"))
                .count() / (double) households.stream().mapToInt(h -> h.members().size()).sum();
        assertThat(disabled).isBetween(0.012, 0.028);
        assertThat(households.stream().map(h -> h.village().code()).distinct().count())
                .as("spread over the desa").isGreaterThan(200);
    }

    @Test
    void namesFollowTheRegion() {
        assertThat(shareOfNames("5171", n -> n.matches("(I|Ni|Ida|I Gusti|I Gusti Ayu) .*"))).as("Bali").isGreaterThan(0.8);
        assertThat(shareOfNames("1202", n -> n.matches(".* (Siregar|Simanjuntak|Sitompul|Hutapea|Pardede|Simatupang|"
                + "Sinaga|Sihombing|Panjaitan|Situmorang|Manurung|Hutagalung|Tampubolon|Silalahi|Napitupulu|Sitorus|"
                + "Pasaribu|Simbolon|Gultom|Tambunan|Marpaung|Butarbutar|Nasution|Lubis|Harahap|Hasibuan|Daulay|"
                + "Pulungan|Batubara|Rangkuti|Matondang|Dalimunthe|Ritonga)"))).as("Batak marga").isGreaterThan(0.5);
        assertThat(shareOfNames("1409", n -> n.matches("(H\\. |Hj\\. )?(Muhammad|M\\.|Moh\\.|Mhd\\.|Muhamad|Siti|Nur) .*")))
                .as("Muslim first names in Riau").isBetween(0.05, 0.3);
        assertThat(shareOfNames("1409", n -> n.matches("(I|Ni) .*"))).as("no Balinese names in Riau").isLessThan(0.01);
    }

    @Test
    void rowsGoToEveryDesaAndEachDesaSeesOnlyItsOwn() {
        List<String> desa = regions.children(SMALL_CITY).stream()
                .flatMap(k -> regions.children(k.code()).stream()).map(Region::code).toList();
        long total = 0;
        for (String code : desa) {
            long own = count(code, "select count(*) from household");
            assertThat(own).as("households in " + code).isPositive();
            assertThat(count(code, "select count(*) from member where region_code <> '" + code + "'")).isZero();
            assertThat(count(code, "select count(*) from quality_issue where region_code <> '" + code + "'")).isZero();
            total += own;
        }
        assertThat(total).isEqualTo(smallCity.households()).isEqualTo(count(SMALL_CITY, "select count(*) from household"));
        assertThat(count(SMALL_CITY, "select count(*) from member")).isEqualTo(3000);
        assertThat(count(SMALL_CITY, "select count(*) from audit_event where action = 'REGISTRY_GENERATED' "
                + "and actor = 'generator' and entity_id = '" + SMALL_CITY + "'")).isEqualTo(1);
        assertThat(count("1409", "select count(*) from household where region_code like '1374%'")).isZero();
        assertThat(count(null, "select count(*) from household")).isZero();
    }

    @Test
    void writtenQualityFlagsMatchTheStoredFindings() {
        assertThat(count(SMALL_CITY, "select count(*) from member m where (m.quality = 'ERROR') <> exists "
                + "(select 1 from quality_issue q where q.member_id = m.id and q.severity = 'ERROR')")).isZero();
        assertThat(count(SMALL_CITY, "select count(*) from household h where (h.quality = 'ERROR') <> exists "
                + "(select 1 from quality_issue q where q.household_id = h.id and q.severity = 'ERROR')")).isZero();
        assertThat(count(SMALL_CITY, "select count(*) from quality_issue where code = 'nik.length' and args = '15'"))
                .isPositive();
        assertThat(count(SMALL_CITY, "select count(*) from quality_issue where code = 'nik.duplicate-visible' "
                + "and args ~ '^[0-9a-f-]{36}\u001F.+$'")).isPositive();
    }

    @Test
    void everyDuplicateNikIsFlaggedOnceOnTheLaterCopy() {
        List<String> problems = DbScope.callAs(SMALL_CITY, () -> tx.execute(s -> jdbc.sql("""
                select m.nik, count(*) as copies,
                       count(q.id) filter (where m.id = (select max(m2.id::text)::uuid from member m2 where m2.nik = m.nik)) as on_last,
                       count(q.id) as flagged
                from member m left join quality_issue q on q.member_id = m.id and q.code = 'nik.duplicate-visible'
                where m.nik in (select nik from member group by nik having count(*) > 1)
                group by m.nik
                having count(q.id) <> count(*) - 1
                    or count(q.id) filter (where m.id = (select max(m2.id::text)::uuid from member m2 where m2.nik = m.nik)) <> 1
                """).query((rs, n) -> rs.getString(1) + " copies=" + rs.getInt(2) + " flagged=" + rs.getInt(4)).list()));
        assertThat(problems).isEmpty();
        assertThat(count(SMALL_CITY, "select count(*) from quality_issue where code = 'nik.duplicate-visible'")).isPositive();
    }

    @Test
    void aSecondRunIntoANonEmptyDistrictIsRefused() {
        assertThatThrownBy(() -> generator.generate(GenerationRequest.of(SMALL_CITY, 5, 3000)))
                .isInstanceOfSatisfying(RegistryNotEmptyException.class, e -> assertThat(e.sameSeed()).isTrue())
                .hasMessageContaining("already holds " + smallCity.households() + " households");
        assertThatThrownBy(() -> generator.generate(GenerationRequest.of(SMALL_CITY, 6, 10)))
                .isInstanceOfSatisfying(RegistryNotEmptyException.class, e -> assertThat(e.sameSeed()).isFalse());
        assertThat(count(SMALL_CITY, "select count(*) from member")).isEqualTo(3000);
    }

    @Test
    void theDemoRegistryWasGeneratedAtStartUpFromItsFixedSeed() {
        List<Generated.Member> expected = members(GenerationRequest.of("1409", DemoRegistryLoader.SEED, 400)).toList();
        assertThat(expected).hasSize(400);
        Map<String, String> stored = DbScope.callAs("1409", () -> tx.execute(s -> jdbc
                .sql("select id::text, nik from member where created_by = 'generator'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(stored).hasSize(400);
        assertThat(expected).allSatisfy(m -> assertThat(stored).containsEntry(m.id().toString(), m.nik()));
    }

    private Stream<Generated.Household> households(GenerationRequest request) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(generator.households(request), 0), false);
    }

    private Stream<Generated.Member> members(GenerationRequest request) {
        return households(request).flatMap(h -> h.members().stream());
    }

    private List<String> fingerprints(GenerationRequest request) {
        return households(request).flatMap(h -> Stream.concat(Stream.of(h.id() + " " + h.noKk()),
                h.members().stream().map(m -> m.id() + " " + m.nik() + " " + m.fullName()))).toList();
    }

    private static long injected(List<Generated.Member> people, Injection injection) {
        return people.stream().filter(m -> m.injected().contains(injection)).count();
    }

    private static double share(List<Generated.Household> households, Predicate<Generated.Household> test) {
        return households.stream().filter(test).count() / (double) households.size();
    }

    private static boolean hasProgram(Generated.Household h, String program) {
        return h.programs().stream().anyMatch(p -> p.program().equals(program));
    }

    private double shareOfNames(String district, Predicate<String> test) {
        List<String> names = members(GenerationRequest.of(district, 1, 2000).withErrors(ErrorRates.NONE))
                .map(Generated.Member::fullName).toList();
        return names.stream().filter(test).count() / (double) names.size();
    }

    private static void childrenWereBornToAMotherOf17To45(Generated.Household h) {
        h.members().stream()
                .filter(m -> m.relationship() == Relationship.ISTRI_SUAMI || m.relationship() == Relationship.KEPALA)
                .filter(m -> m.sex() == id.slrt.registry.Sex.P)
                .findFirst()
                .ifPresent(mother -> h.members().stream().filter(m -> m.relationship() == Relationship.ANAK)
                        .forEach(child -> assertThat(Period.between(mother.birthDate(), child.birthDate()).getYears())
                                .as(child.fullName()).isBetween(16, 46)));
    }

    private long count(String scope, String sql) {
        return DbScope.callAs(scope, () -> tx.execute(s -> jdbc.sql(sql).query(Long.class).single()));
    }
}
