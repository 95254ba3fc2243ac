package id.slrt.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run: region, programs, the rule versions used (copied with their text, so the result stays
 * explainable after the rules change), progress and, per program, the counts found.
 */
public record EligibilityRun(UUID id, String regionCode, List<String> programs, List<UsedRule> rules, LocalDate asOf,
                             RunStatus status, int stepsTotal, int stepsDone, Map<String, Counts> counts,
                             String failure, Instant startedAt, String startedBy, Instant finishedAt) {

    /** A rule version as the run used it. */
    public record UsedRule(String program, UUID id, String name, int version, String text) {
    }

    /** Per program: households eligible, receiving, and the cases of each kind. */
    public record Counts(long households, long eligible, long receiving, long exclusion, long inclusion) {
    }

    public int percent() {
        return stepsTotal == 0 ? 100 : (int) (100L * stepsDone / stepsTotal);
    }

    public List<UsedRule> rulesOf(String program) {
        return rules.stream().filter(r -> r.program().equals(program)).toList();
    }
}
