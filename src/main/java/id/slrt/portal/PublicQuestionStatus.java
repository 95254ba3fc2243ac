package id.slrt.portal;

/**
 * What the holder of a reference may learn about a question that is not published: only its stage, and
 * for a personal case the pointer to the complaint form. Nothing the asker or staff wrote.
 */
public record PublicQuestionStatus(String reference, QuestionStatus status, RejectReason rejectReason,
                                   PublicQuestion published) {
}
