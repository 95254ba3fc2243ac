package id.slrt.portal;

/**
 * A question as asked on the public form or the API: the program it is about (optional code), the text,
 * and optionally a name (shown as initials only), an email or a phone number to be told of the answer.
 */
public record Ask(String programCode, String question, String name, String email, String phone) {

    public static Ask empty() {
        return new Ask(null, "", "", "", "");
    }
}
