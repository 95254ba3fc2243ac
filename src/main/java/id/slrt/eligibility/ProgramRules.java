package id.slrt.eligibility;

import java.util.List;

/** A program with the current version of each of its rules (in use or not). */
public record ProgramRules(String code, String name, List<EligibilityRule> rules) {
    public long inUse() {
        return rules.stream().filter(EligibilityRule::active).count();
    }
}
