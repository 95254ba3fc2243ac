package id.slrt.eligibility.lang;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule can see of one household, for the in-memory evaluator: household numbers and codes by
 * field name (absent = unknown), its own PPKS conditions, and its active members.
 */
public record HouseholdFacts(Map<String, BigDecimal> numbers, Map<String, String> codes, Set<String> ppks,
                             List<MemberFacts> members) {

    public HouseholdFacts {
        numbers = Map.copyOf(numbers);
        codes = Map.copyOf(codes);
        ppks = Set.copyOf(ppks);
        members = List.copyOf(members);
    }

    /** One active member: birth date (may be unknown), codes by field name, own PPKS conditions. */
    public record MemberFacts(LocalDate birthDate, Map<String, String> codes, Set<String> ppks) {
        public MemberFacts {
            codes = Map.copyOf(codes);
            ppks = Set.copyOf(ppks);
        }
    }
}
