package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankAccountsTest {
    private static final BankAccounts.Bank BRI = new BankAccounts.Bank("BRI", "Bank Rakyat Indonesia", 15);
    private static final BankAccounts.Bank BNI = new BankAccounts.Bank("BNI", "Bank Negara Indonesia", 10);

    @Test
    void rightLengthDigitsAreValid() {
        assertThat(BankAccounts.check("number", "BRI", BRI, "123401000123501").valid()).isTrue();
        assertThat(BankAccounts.check("number", "BNI", BNI, "0123456789").valid()).isTrue();
    }

    @Test
    void aLetterIsRejected() {
        BankAccounts.Check c = BankAccounts.check("number", "BRI", BRI, "12340100O123501");
        assertThat(c.valid()).isFalse();
        assertThat(c.result().errors()).extracting(Issue::code).containsExactly("bank-account.letters");
    }

    @Test
    void aMissingDigitIsRejectedNamingTheExpectedLength() {
        BankAccounts.Check c = BankAccounts.check("number", "BRI", BRI, "12340100012350");
        Issue issue = c.result().errors().get(0);
        assertThat(issue.code()).isEqualTo("bank-account.too-short");
        assertThat(issue.args()).containsExactly("Bank Rakyat Indonesia", 15, 14);
        assertThat(BankAccounts.check("number", "BNI", BNI, "01234567890").result().errors())
                .extracting(Issue::code).containsExactly("bank-account.too-long");
    }

    @Test
    void separatorsAreOfferedNotStored() {
        BankAccounts.Check c = BankAccounts.check("number", "BRI", BRI, "1234-01-000123-50-1");
        assertThat(c.valid()).isFalse();
        assertThat(c.suggestion()).isEqualTo("123401000123501");
    }

    @Test
    void unknownBankIsOnlyAWarningAndExcelNotationAnError() {
        BankAccounts.Check c = BankAccounts.check("number", "BANK_RIAU", null, "1234567");
        assertThat(c.valid()).isTrue();
        assertThat(c.result().warnings()).extracting(Issue::code).containsExactly("bank-account.bank-unknown");
        assertThat(BankAccounts.check("number", "BRI", BRI, "1.23401E+14").result().errors())
                .extracting(Issue::code).containsExactly("bank-account.scientific-notation");
    }
}
