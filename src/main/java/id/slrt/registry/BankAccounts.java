package id.slrt.registry;

import java.util.regex.Pattern;

/**
 * Bank account numbers (DOMAIN.md §6): digits only, and as many as the bank uses. The lengths are
 * admin data (table {@code bank}); a bank not in the table is not length-checked but flagged.
 */
public final class BankAccounts {
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d([.,]\\d+)?[eE][+]?\\d+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

    private BankAccounts() {
    }

    /** A bank as the registry knows it; {@code accountLength} null means "not checked". */
    public record Bank(String code, String name, Integer accountLength) {
    }

    public record Check(ValidationResult result, String suggestion) {
        public boolean valid() {
            return result.valid();
        }
    }

    /** {@code bank} is null when the bank code is not in the table. */
    public static Check check(String field, String bankCode, Bank bank, String raw) {
        ValidationResult result = new ValidationResult();
        if (bankCode == null || bankCode.isBlank()) {
            result.add(Issue.error("bank", "bank-account.bank-required"));
        }
        if (raw == null || raw.isBlank()) {
            return new Check(result.add(Issue.error(field, "bank-account.required")), null);
        }
        String value = raw.strip();
        if (SCIENTIFIC.matcher(value).matches()) {
            return new Check(result.add(Issue.error(field, "bank-account.scientific-notation", value)), null);
        }
        String digits = SEPARATORS.matcher(value).replaceAll("");
        String nonDigits = digits.replaceAll("[0-9]", "");
        if (!nonDigits.isEmpty()) {
            return new Check(result.add(Issue.error(field, "bank-account.letters", nonDigits)), null);
        }
        String suggestion = null;
        if (!digits.equals(value)) {
            suggestion = digits;
            result.add(Issue.error(field, "bank-account.formatting", digits));
        }
        if (bank == null) {
            if (bankCode != null && !bankCode.isBlank()) {
                result.add(Issue.warning("bank", "bank-account.bank-unknown", bankCode));
            }
        } else if (bank.accountLength() != null && digits.length() != bank.accountLength()) {
            String code = digits.length() < bank.accountLength() ? "bank-account.too-short" : "bank-account.too-long";
            result.add(Issue.error(field, code, bank.name(), bank.accountLength(), digits.length()));
        }
        return new Check(result, suggestion);
    }
}
