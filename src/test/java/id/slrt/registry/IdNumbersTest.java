package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdNumbersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final IdNumbers.Kecamatan KEC = new IdNumbers.Kecamatan() {
        @Override
        public boolean current(String code) {
            return Set.of("140901", "140902", "320101").contains(code);
        }

        @Override
        public boolean historical(String code) {
            return code.equals("910101");
        }
    };

    private static IdNumbers.Check nik(String nik) {
        return IdNumbers.checkNik("nik", nik, null, null, KEC, TODAY);
    }

    private static Set<String> codes(IdNumbers.Check c) {
        return c.result().issues().stream().map(Issue::code).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void validMaleNikIsParsed() {
        IdNumbers.Check c = nik("1409010101900002");
        assertThat(c.valid()).isTrue();
        assertThat(c.result().issues()).isEmpty();
        assertThat(c.parsed().regionCode()).isEqualTo("140901");
        assertThat(c.parsed().date()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(c.parsed().sex()).isEqualTo(Sex.L);
    }

    @Test
    void femaleNikHasDayPlusForty() {
        IdNumbers.Check c = nik("1409015708850001");
        assertThat(c.valid()).isTrue();
        assertThat(c.parsed().date()).isEqualTo(LocalDate.of(1985, 8, 17));
        assertThat(c.parsed().sex()).isEqualTo(Sex.P);
    }

    @Test
    void impossibleDatesAreErrors() {
        assertThat(codes(nik("1409013104900001"))).containsExactly("nik.date-invalid"); // 31 April
        assertThat(codes(nik("1409012902010001"))).containsExactly("nik.date-invalid"); // 29 Feb 2001
        assertThat(codes(nik("1409013501900001"))).containsExactly("nik.date-invalid"); // day 35
        assertThat(codes(nik("1409017201900001"))).containsExactly("nik.date-invalid"); // day 72 (women 41–71)
        assertThat(codes(nik("1409010113900001"))).containsExactly("nik.date-invalid"); // month 13
    }

    @Test
    void twentyNinthOfFebruaryInYearZeroIsValidBecause2000IsLeap() {
        IdNumbers.Check c = nik("1409012902000001");
        assertThat(c.valid()).isTrue();
        assertThat(c.parsed().date()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void twoDigitYearTakesTheEnteredBirthDatesCenturyOrTheLatestPast() {
        assertThat(nik("1409010101300001").parsed().date()).isEqualTo(LocalDate.of(1930, 1, 1));
        assertThat(nik("1409010101200001").parsed().date()).isEqualTo(LocalDate.of(2020, 1, 1));
        IdNumbers.Check old = IdNumbers.checkNik("nik", "1409010101200001", LocalDate.of(1920, 1, 1), Sex.L, KEC, TODAY);
        assertThat(old.parsed().date()).isEqualTo(LocalDate.of(1920, 1, 1));
        assertThat(old.result().issues()).isEmpty();
    }

    @Test
    void fifteenAndSeventeenDigitsAreLengthErrors() {
        IdNumbers.Check short15 = nik("140901010190000");
        assertThat(codes(short15)).containsExactly("nik.length");
        assertThat(short15.result().errors().get(0).args()).containsExactly(15);
        assertThat(codes(nik("14090101019000021"))).containsExactly("nik.length");
    }

    @Test
    void lettersAreErrorsButOAndIAreOfferedAsDigits() {
        assertThat(codes(nik("14090101019X0002"))).containsExactly("nik.letters");
        IdNumbers.Check oi = nik("14O9O1O1O19OOOO2");
        assertThat(codes(oi)).containsExactly("nik.formatting");
        assertThat(oi.suggestion()).isEqualTo("1409010101900002");
        assertThat(oi.valid()).as("never stored silently").isFalse();
        IdNumbers.Check spaced = nik("1409 0101 0190 0002");
        assertThat(spaced.suggestion()).isEqualTo("1409010101900002");
        IdNumbers.Check arabic = nik("١٤٠٩٠١٠١٠١٩٠٠٠٠٢");
        assertThat(arabic.suggestion()).isEqualTo("1409010101900002");
    }

    @Test
    void excelScientificNotationIsNamedAsSuch() {
        IdNumbers.Check c = nik("1.40901E+15");
        assertThat(codes(c)).containsExactly("nik.scientific-notation");
        assertThat(c.suggestion()).isNull();
        assertThat(codes(nik("1,40901E+15"))).containsExactly("nik.scientific-notation");
    }

    @Test
    void kecamatanCodeMustBeKnownAndAnOldOneIsOnlyAWarning() {
        assertThat(codes(nik("3273000101900001"))).containsExactly("nik.region-unknown");
        assertThat(codes(nik("9901010101900001"))).containsExactly("nik.region-unknown");
        IdNumbers.Check old = nik("9101010101900001");
        assertThat(old.valid()).isTrue();
        assertThat(codes(old)).containsExactly("nik.region-historical");
    }

    @Test
    void serialZeroAndFutureDatesAreErrors() {
        assertThat(codes(nik("1409010101900000"))).containsExactly("nik.serial-zero");
        assertThat(codes(nik("1409010112260001"))).containsExactly("nik.date-future"); // 01-12-2026 after today
    }

    @Test
    void disagreementWithEnteredBirthDateOrSexIsAWarning() {
        IdNumbers.Check c = IdNumbers.checkNik("nik", "1409015708850001", LocalDate.of(1985, 8, 18), Sex.L, KEC, TODAY);
        assertThat(c.valid()).isTrue();
        assertThat(c.result().warnings()).extracting(Issue::code)
                .containsExactlyInAnyOrder("nik.birthdate-mismatch", "nik.sex-mismatch");
    }

    @Test
    void familyCardNumberHasNoPlusFortyAndNoFutureIssueDate() {
        IdNumbers.Check ok = IdNumbers.checkKk("kk", "1409012005150003", KEC, TODAY);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.parsed().date()).isEqualTo(LocalDate.of(2015, 5, 20));
        assertThat(codes(IdNumbers.checkKk("kk", "1409015705150003", KEC, TODAY))).containsExactly("kk.date-invalid");
        assertThat(codes(IdNumbers.checkKk("kk", "1.40901E+15", KEC, TODAY))).containsExactly("kk.scientific-notation");
    }
}
