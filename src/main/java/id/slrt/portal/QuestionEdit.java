package id.slrt.portal;

/** What a moderator writes: the public wording of the question, the answer, the program it is about. */
public record QuestionEdit(String publicText, String answer, String programCode) {
}
