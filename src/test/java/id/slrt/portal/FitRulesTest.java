package id.slrt.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.portal.FitAnswers.Dtks;
import id.slrt.portal.FitRules.Strength;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The "which programs might fit me?" table: each row a household described in words and what it must be offered. */
class FitRulesTest {

    /** A household builder: by default one adult aged 35 with nothing special, not poor, DTKS unknown. */
    record H(Integer age, Integer members, boolean toddler, boolean sd, boolean smp, boolean sma, boolean disability,
             boolean elderlyAlone, boolean earthFloor, boolean badRoof, boolean poor, Dtks dtks) {
        static H adult() {
            return new H(35, 3, false, false, false, false, false, false, false, false, false, Dtks.UNKNOWN);
        }

        H needy() {
            return new H(age, members, toddler, sd, smp, sma, disability, elderlyAlone, earthFloor, badRoof, true, dtks);
        }

        H inDtks() {
            return new H(age, members, toddler, sd, smp, sma, disability, elderlyAlone, earthFloor, badRoof, poor, Dtks.YES);
        }

        H withToddler() {
            return new H(age, members, true, sd, smp, sma, disability, elderlyAlone, earthFloor, badRoof, poor, dtks);
        }

        H withSmp() {
            return new H(age, members, toddler, sd, true, sma, disability, elderlyAlone, earthFloor, badRoof, poor, dtks);
        }

        H withDisability() {
            return new H(age, members, toddler, sd, smp, sma, true, elderlyAlone, earthFloor, badRoof, poor, dtks);
        }

        H withEarthFloor() {
            return new H(age, members, toddler, sd, smp, sma, disability, elderlyAlone, true, badRoof, poor, dtks);
        }

        H oldest(int a, int m) {
            return new H(a, m, toddler, sd, smp, sma, disability, elderlyAlone, earthFloor, badRoof, poor, dtks);
        }

        H neglected() {
            return new H(age, members, toddler, sd, smp, sma, disability, true, earthFloor, badRoof, poor, dtks);
        }

        FitAnswers answers() {
            return new FitAnswers(age, members, toddler, sd, smp, sma, disability, elderlyAlone, earthFloor, badRoof,
                    poor, dtks);
        }
    }

    static Stream<Arguments> households() {
        return Stream.of(
                Arguments.of("poor family with a toddler", H.adult().needy().withToddler(),
                        Set.of("PKH", "PBI_JK", "BPNT"), Set.of("KIP", "RS_RTLH", "ASLUT")),
                Arguments.of("poor elderly of 75 living with family", H.adult().needy().oldest(75, 3),
                        Set.of("PKH", "PBI_JK", "ASLUT"), Set.of("KIP", "ASPDB")),
                Arguments.of("poor school child (SMP)", H.adult().needy().withSmp(),
                        Set.of("KIP", "PKH", "PBI_JK"), Set.of("ASLUT")),
                Arguments.of("earth floor, not poor by own account", H.adult().withEarthFloor(),
                        Set.of("RS_RTLH"), Set.of("PKH", "BPNT")),
                Arguments.of("poor, nobody special", H.adult().needy(),
                        Set.of("PBI_JK", "BPNT"), Set.of("PKH", "KIP", "ASLUT", "ASPDB", "RS_RTLH")),
                Arguments.of("in DTKS counts as needy though not saying poor", H.adult().inDtks().withToddler(),
                        Set.of("PKH", "PBI_JK"), Set.of("BLT_DD")),
                Arguments.of("severe disability in a poor household", H.adult().needy().withDisability(),
                        Set.of("PKH", "ASPDB", "ATENSI", "PBI_JK"), Set.of()),
                Arguments.of("elderly of 68 living alone, poor", H.adult().needy().oldest(68, 1),
                        Set.of("ASLUT", "ATENSI", "PKH"), Set.of("KUBE")),
                Arguments.of("not poor, nothing special", H.adult(),
                        Set.of(), Set.of("PKH", "PBI_JK", "BPNT", "KIP", "RS_RTLH", "ASLUT", "ASPDB", "ATENSI", "BLT_DD",
                                "KUBE")),
                Arguments.of("toddler but not poor and not in DTKS", H.adult().withToddler(),
                        Set.of(), Set.of("PKH", "PBI_JK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("households")
    void offersTheProgramsTheHouseholdMightFit(String household, H h, Set<String> offered, Set<String> notOffered) {
        FitRules.Result result = FitRules.suggest(h.answers());
        List<String> codes = result.suggestions().stream().map(FitRules.Suggestion::programCode).toList();
        assertThat(codes).as(household).containsAll(offered);
        assertThat(codes).as(household).filteredOn(notOffered::contains).isEmpty();
        assertThat(codes).as("each program once").doesNotHaveDuplicates();
        assertThat(result.noticeKeys()).as("the decision notice is always last")
                .last().isEqualTo("fit.notice.decision");
    }

    @Test
    void anElderlyMemberOf75MakesPkhLikelyAndAslutAHintOnly() {
        FitRules.Result r = FitRules.suggest(H.adult().needy().oldest(75, 3).answers());
        assertThat(r.strengthOf("PKH")).isEqualTo(Strength.LIKELY);
        assertThat(r.strengthOf("ASLUT")).isEqualTo(Strength.HINT);
        assertThat(reasons(r, "ASLUT")).containsExactly("fit.reason.aslut.elderly");
    }

    @Test
    void anElderlyPersonAloneOrNeglectedMakesAslutLikely() {
        assertThat(FitRules.suggest(H.adult().oldest(80, 1).answers()).strengthOf("ASLUT")).isEqualTo(Strength.LIKELY);
        assertThat(FitRules.suggest(H.adult().oldest(80, 4).neglected().answers()).strengthOf("ASLUT"))
                .isEqualTo(Strength.LIKELY);
        assertThat(FitRules.suggest(H.adult().oldest(59, 1).neglected().answers()).suggests("ASLUT"))
                .as("59 is not yet elderly").isFalse();
    }

    @Test
    void theAgeLimitOfPkhElderlyComponentIs60() {
        assertThat(reasons(FitRules.suggest(H.adult().needy().oldest(60, 2).answers()), "PKH"))
                .containsExactly("fit.reason.pkh.elderly");
        assertThat(FitRules.suggest(H.adult().needy().oldest(59, 2).answers()).suggests("PKH")).isFalse();
    }

    @Test
    void likelyProgramsComeBeforeHintsAndReasonsAddUp() {
        FitRules.Result r = FitRules.suggest(H.adult().needy().withToddler().withSmp().withDisability().oldest(70, 5).answers());
        List<Strength> order = r.suggestions().stream().map(FitRules.Suggestion::strength).toList();
        assertThat(order).isSortedAccordingTo(Enum::compareTo);
        assertThat(reasons(r, "PKH")).containsExactly("fit.reason.pkh.toddler", "fit.reason.pkh.school",
                "fit.reason.pkh.elderly", "fit.reason.pkh.disability");
    }

    @Test
    void aNeedyHouseholdNotYetInDtksIsToldToRegisterFirst() {
        assertThat(FitRules.suggest(H.adult().needy().answers()).noticeKeys()).startsWith("fit.notice.register-dtks");
        assertThat(FitRules.suggest(H.adult().needy().inDtks().answers()).noticeKeys())
                .doesNotContain("fit.notice.register-dtks");
        assertThat(FitRules.suggest(H.adult().answers()).noticeKeys()).containsExactly("fit.notice.none",
                "fit.notice.decision");
    }

    @Test
    void everyProgramInTheTableIsInTheSeededCatalogue() {
        Set<String> seeded = Set.of("PKH", "BPNT", "PBI_JK", "KIP", "ATENSI", "ASLUT", "ASPDB", "KUBE", "RS_RTLH", "BLT_DD",
                "GURU_MENGAJI", "BST");
        assertThat(FitRules.TABLE).extracting(FitRules.Rule::program).allMatch(seeded::contains);
    }

    private static List<String> reasons(FitRules.Result r, String code) {
        return r.suggestions().stream().filter(s -> s.programCode().equals(code)).findFirst().orElseThrow().reasonKeys();
    }
}
