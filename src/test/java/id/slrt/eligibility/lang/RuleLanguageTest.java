package id.slrt.eligibility.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule language on its own: what parses, what is refused and where the error points, what it means. */
class RuleLanguageTest {
    static final Vocabulary VOCABULARY = Fields.vocabulary(List.of("FM", "LUT", "PD", "RTLH"));
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    static RuleError error(String text) {
        RuleException e = catchThrowableOfType(RuleException.class, () -> TypeChecker.compile(text, VOCABULARY));
        assertThat(e).as(text).isNotNull();
        return e.errors().get(0);
    }

    @Test
    void theExamplesOfTheDesignParse() {
        for (String text : List.of("any member (age >= 70)", "count members (age between 6 and 18) >= 1",
                "any member (disability = 'GANDA')", "household.desil <= 4", "household.floor in ('TANAH')",
                "household.desil <= 4 and (any member (age >= 60) or not household.floor in ('KERAMIK', 'SEMEN'))",
                "# komentar\nHOUSEHOLD.DESIL <= 4 # juga komentar\nAND household.ppks = 'FM'",
                "any member (member.sex = 'P' and marital not in ('KAWIN') and ppks in ('LUT', 'PD'))")) {
            assertThat(TypeChecker.compile(text, VOCABULARY)).as(text).isNotNull();
        }
    }

    @Test
    void aSyntaxErrorPointsAtTheTokenWithLineColumnAndCaret() {
        String text = "household.desil <= 4\nand any member (age >= )";
        RuleError e = error(text);
        assertThat(e.code()).isEqualTo("eligibility.rule.error.unexpected");
        assertThat(e.args()).containsExactly(")", "eligibility.rule.expect.value");
        assertThat(e.lineColumn(text)).containsExactly(2, 24);
        assertThat(e.excerpt(text)).isEqualTo("and any member (age >= )\n                       ^");

        RuleError end = error("household.desil <= 4 and");
        assertThat(end.code()).isEqualTo("eligibility.rule.error.unexpected-end");
        assertThat(end.lineColumn("household.desil <= 4 and")).containsExactly(1, 25);

        RuleError unclosed = error("household.floor = 'TANAH");
        assertThat(unclosed.code()).isEqualTo("eligibility.rule.error.unterminated-text");
        assertThat(unclosed.lineColumn("household.floor = 'TANAH")).containsExactly(1, 19);

        assertThat(error("household.desil <= 4 household.desil >= 1").code()).isEqualTo("eligibility.rule.error.unexpected");
        assertThat(error("household.desil ; 4").args()).containsExactly(";");
        assertThat(error("any members (age > 1)").args()).containsExactly("members", "eligibility.rule.expect.token", "member");
        assertThat(error("   ").code()).isEqualTo("eligibility.rule.error.empty");
        assertThat(error("# hanya komentar").code()).isEqualTo("eligibility.rule.error.empty");
    }

    @Test
    void typeErrorsNameTheFieldAndValueAndPointAtThem() {
        String unknownField = "household.desil <= 4 and household.income < 100";
        RuleError e = error(unknownField);
        assertThat(e.code()).isEqualTo("eligibility.rule.error.unknown-field");
        assertThat(e.args().get(0)).isEqualTo("household.income");
        assertThat(e.args().get(1)).contains("household.desil", "household.floor");
        assertThat(e.lineColumn(unknownField)).containsExactly(1, 26);
        assertThat(e.excerpt(unknownField)).endsWith("\n" + " ".repeat(25) + "^".repeat("household.income".length()));

        RuleError textVsNumber = error("household.desil <= 'EMPAT'");
        assertThat(textVsNumber.code()).isEqualTo("eligibility.rule.error.number-expected");
        assertThat(textVsNumber.args()).containsExactly("household.desil", "'EMPAT'");
        assertThat(textVsNumber.start()).isEqualTo(19);

        RuleError numberVsCode = error("household.floor = 3");
        assertThat(numberVsCode.code()).isEqualTo("eligibility.rule.error.code-expected");

        RuleError unknownCode = error("any member (disability = 'BERAT')");
        assertThat(unknownCode.code()).isEqualTo("eligibility.rule.error.unknown-code");
        assertThat(unknownCode.args().get(0)).isEqualTo("BERAT");
        assertThat(unknownCode.args().get(1)).isEqualTo("disability");
        assertThat(unknownCode.args().get(2)).contains("GANDA");

        assertThat(error("household.floor < 'TANAH'").code()).isEqualTo("eligibility.rule.error.operator-not-for");
        assertThat(error("age >= 60").code()).isEqualTo("eligibility.rule.error.member-field-outside");
        assertThat(error("desil <= 4").code()).isEqualTo("eligibility.rule.error.household-prefix");
        assertThat(error("any member (household.desil <= 4)").code()).isEqualTo("eligibility.rule.error.household-field-inside");
        assertThat(error("any member (any member (age > 1))").code()).isEqualTo("eligibility.rule.error.nested-member");
        assertThat(error("household.desil between 5 and 2").code()).isEqualTo("eligibility.rule.error.between-order");
        assertThat(error("household.ppks = 'XYZ'").code()).isEqualTo("eligibility.rule.error.unknown-code");
        assertThat(error("count members (age > 1) >= 1.5").code()).isEqualTo("eligibility.rule.error.count-whole");
    }

    @Test
    void everyTypeErrorIsReportedNotOnlyTheFirst() {
        RuleException e = catchThrowableOfType(RuleException.class, () -> TypeChecker.compile(
                "household.desil = 'X' or household.roof = 'EMAS' or age > 3", VOCABULARY));
        assertThat(e.errors()).extracting(RuleError::code).containsExactly("eligibility.rule.error.number-expected",
                "eligibility.rule.error.unknown-code", "eligibility.rule.error.member-field-outside");
    }

    @Test
    void unknownValuesMakeComparisonsFalseAndNotTrue() {
        Evaluator eval = new Evaluator(VOCABULARY, AS_OF);
        HouseholdFacts noDesil = new HouseholdFacts(Map.of(), Map.of(), Set.of(), List.of(
                new HouseholdFacts.MemberFacts(null, Map.of("sex", "L"), Set.of()),
                new HouseholdFacts.MemberFacts(LocalDate.of(1956, 6, 30), Map.of("sex", "P"), Set.of("LUT"))));
        assertThat(eval.test(TypeChecker.compile("household.desil <= 4", VOCABULARY), noDesil)).isFalse();
        assertThat(eval.test(TypeChecker.compile("household.desil > 4", VOCABULARY), noDesil)).isFalse();
        assertThat(eval.test(TypeChecker.compile("not household.desil <= 4", VOCABULARY), noDesil)).isTrue();
        assertThat(eval.test(TypeChecker.compile("any member (age >= 70 and ppks = 'LUT')", VOCABULARY), noDesil))
                .as("70 on the as-of date").isTrue();
        assertThat(eval.test(TypeChecker.compile("count members (age < 200) = 1", VOCABULARY), noDesil))
                .as("an unknown birth date counts for no age").isTrue();
        assertThat(eval.test(TypeChecker.compile("household.members = 2", VOCABULARY), noDesil)).isTrue();
        HouseholdFacts poor = new HouseholdFacts(Map.of("desil", BigDecimal.valueOf(3)), Map.of("floor", "TANAH"),
                Set.of("FM"), List.of());
        assertThat(eval.test(TypeChecker.compile("household.desil in (1, 2, 3) and household.floor != 'KERAMIK'"
                + " and household.ppks in ('RTLH', 'FM') and household.ppks != 'RTLH'", VOCABULARY), poor)).isTrue();
    }
}
