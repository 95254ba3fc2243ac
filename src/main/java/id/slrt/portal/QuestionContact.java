package id.slrt.portal;

/** How to reach the asker (each part optional). Personal data: staff read it, audited; never public. */
public record QuestionContact(String name, String email, String phone) {
}
