package id.slrt.complaint;

/**
 * What a complainant tells, as typed (category and type as their names): the form, the operator and
 * the API all file this. Phone and both NIKs are optional; {@code subjectNik} is for someone else.
 */
public record Filing(String regionCode, String complainantName, String complainantPhone, String complainantNik,
                     String subjectNik, String category, String type, String description) {

    public static Filing empty() {
        return new Filing(null, null, null, null, null, null, "PENGADUAN", null);
    }
}
