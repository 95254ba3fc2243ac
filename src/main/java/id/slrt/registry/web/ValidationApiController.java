package id.slrt.registry.web;

import id.slrt.registry.BankAccounts;
import id.slrt.registry.IdNumbers;
import id.slrt.registry.Issue;
import id.slrt.registry.IssueMessages;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.Sex;
import id.slrt.registry.ValidationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry's validation service over HTTP, for other systems and offline clients. */
@RestController
@RequestMapping("/api/v1/validation")
@Tag(name = "Validation", description = "NIK, No. KK and bank account checks with stable codes")
class ValidationApiController {
    private final RegistryValidator validator;
    private final IssueMessages messages;

    ValidationApiController(RegistryValidator validator, IssueMessages messages) {
        this.validator = validator;
        this.messages = messages;
    }

    record NikRequest(String nik, LocalDate birthDate, String sex) {
    }

    record KkRequest(String kk) {
    }

    record BankAccountRequest(String bank, String number) {
    }

    record IssueView(String code, String field, String message) {
    }

    record Parsed(String regionCode, LocalDate birthDate, String sex) {
    }

    record Answer(boolean valid, List<IssueView> errors, List<IssueView> warnings, Parsed parsed, String suggestion) {
    }

    @PostMapping("/nik")
    @Operation(summary = "Check a NIK; birthDate (ISO) and sex (L/P) are compared with what the NIK encodes")
    Answer nik(@RequestBody NikRequest request) {
        IdNumbers.Check check = validator.nik("nik", request.nik(), request.birthDate(), Sex.parse(request.sex()));
        ValidationResult result = check.result();
        if (check.parsed() != null) {
            result.addAll(validator.duplicateNik("nik", check.suggestion() == null ? request.nik().strip() : check.suggestion(), null));
        }
        return answer(result, check.parsed() == null ? null : new Parsed(check.parsed().regionCode(),
                check.parsed().date(), check.parsed().sex() == null ? null : check.parsed().sex().name()), check.suggestion());
    }

    @PostMapping("/kk")
    @Operation(summary = "Check a No. KK (region and issue-date parts)")
    Answer kk(@RequestBody KkRequest request) {
        IdNumbers.Check check = validator.kk("kk", request.kk());
        return answer(check.result(), check.parsed() == null ? null
                : new Parsed(check.parsed().regionCode(), check.parsed().date(), null), check.suggestion());
    }

    @PostMapping("/bank-account")
    @Operation(summary = "Check a bank account number against the length the bank uses")
    Answer bankAccount(@RequestBody BankAccountRequest request) {
        BankAccounts.Check check = validator.bankAccount("number", request.bank(), request.number());
        return answer(check.result(), null, check.suggestion());
    }

    private Answer answer(ValidationResult result, Parsed parsed, String suggestion) {
        return new Answer(result.valid(), views(result.errors()), views(result.warnings()), parsed, suggestion);
    }

    private List<IssueView> views(List<Issue> issues) {
        return issues.stream().map(i -> new IssueView(i.code(), i.field(), messages.message(i))).toList();
    }
}
