package id.slrt.portal;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.notify.Email;
import id.slrt.notify.Notifications;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.platform.Scopes;
import id.slrt.platform.Texts;
import id.slrt.portal.internal.QuestionRepository;
import id.slrt.program.ProgramCatalogue;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public questions and answers. Anyone asks (no account); moderators (ADMIN, OPERATOR_SLRT) answer, edit
 * the public wording, publish, reject or unpublish; every step is an event row and an audit record in the
 * same transaction. The public side runs in the district's scope (nobody is logged in) and reads only the
 * public columns of published questions; the asker's contact is read by staff only, and each such read is
 * audited.
 */
@Service
public class Questions {
    public static final String ENTITY = "question";
    /** Who moderates; MANAGER reads the queue but takes no step. */
    public static final Set<String> MODERATORS = Set.of("ADMIN", "OPERATOR_SLRT");
    public static final int MIN_TEXT = 10;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_ANSWER = 8000;
    public static final int MAX_NAME = 80;
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{8,15}");
    /** Sixteen digits in a row: a NIK or a KK number, which must never be published. */
    private static final Pattern NIK_LIKE = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    private static final Pattern REFERENCE = Pattern.compile("T-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PUBLIC_ACTOR = "public";

    private final QuestionRepository questions;
    private final ProgramCatalogue programs;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Scopes scopes;
    private final Texts texts;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    Questions(QuestionRepository questions, ProgramCatalogue programs, AuditLog audit, Notifications notifications,
              Scopes scopes, Texts texts, Clock clock, PlatformTransactionManager txManager) {
        this.questions = questions;
        this.programs = programs;
        this.audit = audit;
        this.notifications = notifications;
        this.scopes = scopes;
        this.texts = texts;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.readTx = new TransactionTemplate(txManager);
        this.readTx.setReadOnly(true);
    }

    /** A moderation view: the question, its contact when the asker left one, its history. */
    public record View(Question question, Optional<QuestionContact> contact, List<QuestionEvent> events) {
    }

    // --- public ----------------------------------------------------------------------------------------

    /** Takes a question from the public (form or API); returns its reference. Refuses with field errors. */
    public String ask(Ask ask, String channel) {
        Ask clean = check(ask);
        return scopes.asDistrict(() -> tx.execute(s -> insert(clean, channel)));
    }

    private String insert(Ask a, String channel) {
        Instant now = clock.instant();
        String text = a.question();
        Question q = new Question(Ids.newId(), nextReference(), scopes.district(), a.programCode(), text, text,
                initials(a.name()), null, QuestionStatus.NEW, null, null, null, null, null, null, 0, now, now,
                PUBLIC_ACTOR);
        QuestionContact contact = a.name() == null && a.email() == null && a.phone() == null ? null
                : new QuestionContact(a.name(), a.email(), a.phone());
        questions.insert(q, contact, PUBLIC_ACTOR);
        questions.event(Ids.newId(), q.id(), q.regionCode(), now, PUBLIC_ACTOR, null, "ASKED", null,
                QuestionStatus.NEW, channel);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("programCode", new Change(null, a.programCode()));
        changes.put("contact", new Change(null, contact == null ? "none"
                : (a.email() != null ? "email " : "") + (a.phone() != null ? "phone" : "")));
        audit.record("QUESTION_ASKED", ENTITY, q.id().toString(), q.regionCode(), changes, q.reference() + " " + channel);
        return q.reference();
    }

    /** Published questions, newest first or by relevance to {@code q}; {@code programCode} narrows to one program. */
    public Paged<PublicQuestion> published(String q, String programCode, int page, int size) {
        List<String> words = searchWords(q);
        String program = programCode == null || programCode.isBlank() ? null : programCode.trim().toUpperCase(Locale.ROOT);
        return scopes.asDistrict(() -> readTx.execute(s -> questions.published(words, program, Math.max(page, 0), size)));
    }

    /** A published question by its reference. */
    public Optional<PublicQuestion> publishedByReference(String reference) {
        return normalizeReference(reference).flatMap(ref ->
                scopes.asDistrict(() -> readTx.execute(s -> questions.publishedByReference(ref))));
    }

    /** The stage of a question for whoever holds its reference: nothing of what was written unless published. */
    public Optional<PublicQuestionStatus> publicStatus(String reference) {
        return normalizeReference(reference).flatMap(ref -> scopes.asDistrict(() -> readTx.execute(s ->
                questions.findByReference(ref).map(q -> new PublicQuestionStatus(q.reference(), q.status(),
                        q.status() == QuestionStatus.REJECTED ? q.rejectReason() : null,
                        q.status() == QuestionStatus.PUBLISHED ? questions.publishedByReference(ref).orElse(null)
                                : null)))));
    }

    // --- moderation --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Paged<Question> queue(QuestionStatus status, String q, int page, int size) {
        return questions.queue(status == null ? QuestionStatus.NEW : status, q, Math.max(page, 0), size);
    }

    @Transactional(readOnly = true)
    public Map<QuestionStatus, Long> counts() {
        return questions.countsByStatus();
    }

    /** One question for a moderator; reading it (with what was typed and the contact) is audited. */
    @Transactional
    public Optional<View> view(UUID id) {
        return questions.find(id).map(q -> {
            Optional<QuestionContact> contact = questions.contact(id);
            audit.recordRead(contact.isPresent() ? "QUESTION_CONTACT_READ" : "QUESTION_READ", ENTITY, id.toString(),
                    q.regionCode());
            return new View(q, contact, questions.events(id));
        });
    }

    /** Saves the answer, the public wording and the program; the status stays as it is. */
    @Transactional
    public Question edit(UUID id, int version, QuestionEdit edit, CurrentActor by) {
        Question q = current(id, version);
        if (q.status() == QuestionStatus.REJECTED) {
            throw wrongStatus(q);
        }
        return save(q, applied(q, edit, by), "EDITED", null, by);
    }

    /**
     * Publishes: applies {@code edit} when given, then shows the question publicly. It must have an answer.
     * When the asker left an email, queues one message (one per question, however often it is republished).
     * {@code questionsUrl} is the public address of the question list ({@code …/program/tanya}), for the message.
     */
    @Transactional
    public Question publish(UUID id, int version, QuestionEdit edit, String questionsUrl, CurrentActor by) {
        Question q = current(id, version);
        if (q.status() != QuestionStatus.NEW && q.status() != QuestionStatus.UNPUBLISHED) {
            throw wrongStatus(q);
        }
        Question edited = edit == null ? q : applied(q, edit, by);
        if (!edited.hasAnswer()) {
            throw ProblemException.invalidField("answer", "question.error.answer-required");
        }
        if (NIK_LIKE.matcher(edited.publicText()).find()) {
            // Published as asked, the wording still holds what looks like a NIK: the moderator must remove it.
            throw ProblemException.invalidField("publicText", "question.error.nik-like");
        }
        Instant now = clock.instant();
        Question published = with(edited, QuestionStatus.PUBLISHED, null, null, now, by.username());
        Question saved = save(q, published, "PUBLISHED", null, by);
        questions.contact(id).filter(c -> c.email() != null)
                .ifPresent(c -> notifyAsker(saved, c.email(), questionsUrl + "/" + saved.reference()));
        return saved;
    }

    /** Keeps a question off the public pages for a reason; a personal case points the asker at /pengaduan. */
    @Transactional
    public Question reject(UUID id, int version, RejectReason reason, String note, CurrentActor by) {
        if (reason == null) {
            throw ProblemException.invalidField("reason", "question.error.reason-required");
        }
        Question q = current(id, version);
        if (q.status() != QuestionStatus.NEW && q.status() != QuestionStatus.UNPUBLISHED) {
            throw wrongStatus(q);
        }
        String why = blankToNull(note);
        return save(q, with(q, QuestionStatus.REJECTED, reason, why, q.publishedAt(), q.publishedBy()), "REJECTED",
                reason.name() + (why == null ? "" : ": " + why), by);
    }

    /** Takes a published question off the public pages (it may be published again). */
    @Transactional
    public Question unpublish(UUID id, int version, String note, CurrentActor by) {
        Question q = current(id, version);
        if (q.status() != QuestionStatus.PUBLISHED) {
            throw wrongStatus(q);
        }
        String why = blankToNull(note);
        if (why == null) {
            throw ProblemException.invalidField("note", "question.error.note-required");
        }
        return save(q, with(q, QuestionStatus.UNPUBLISHED, null, why, q.publishedAt(), q.publishedBy()), "UNPUBLISHED",
                why, by);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Question current(UUID id, int version) {
        Question q = questions.lock(id).orElseThrow(() -> ProblemException.notFound("question.not-found"));
        if (q.version() != version) {
            throw ProblemException.conflict("question.stale");
        }
        return q;
    }

    private Question applied(Question q, QuestionEdit edit, CurrentActor by) {
        List<FieldError> errors = new ArrayList<>();
        String publicText = blankToNull(edit.publicText());
        if (publicText == null) {
            errors.add(new FieldError("publicText", "question.error.public-text-required"));
        } else if (publicText.length() > MAX_TEXT) {
            errors.add(new FieldError("publicText", "question.error.text-too-long", MAX_TEXT));
        }
        if (publicText != null && NIK_LIKE.matcher(publicText).find()) {
            errors.add(new FieldError("publicText", "question.error.nik-like"));
        }
        String answer = blankToNull(edit.answer());
        if (answer != null && answer.length() > MAX_ANSWER) {
            errors.add(new FieldError("answer", "question.error.answer-too-long", MAX_ANSWER));
        }
        if (answer != null && NIK_LIKE.matcher(answer).find()) {
            errors.add(new FieldError("answer", "question.error.nik-like"));
        }
        String program = program(edit.programCode(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean answerChanged = answer != null && !answer.equals(q.answer());
        return new Question(q.id(), q.reference(), q.regionCode(), program, q.askedText(), publicText,
                q.askerInitials(), answer, q.status(), q.rejectReason(), q.statusNote(),
                answerChanged ? clock.instant() : q.answeredAt(), answerChanged ? by.username() : q.answeredBy(),
                q.publishedAt(), q.publishedBy(), q.version(), q.createdAt(), q.updatedAt(), q.updatedBy());
    }

    private static Question with(Question q, QuestionStatus status, RejectReason reason, String note,
                                 Instant publishedAt, String publishedBy) {
        return new Question(q.id(), q.reference(), q.regionCode(), q.programCode(), q.askedText(), q.publicText(),
                q.askerInitials(), q.answer(), status, reason, note, q.answeredAt(), q.answeredBy(), publishedAt,
                publishedBy, q.version(), q.createdAt(), q.updatedAt(), q.updatedBy());
    }

    /** Writes the step with its event and audit record; refuses a stale version. */
    private Question save(Question before, Question after, String action, String note, CurrentActor by) {
        Instant now = clock.instant();
        if (!questions.update(after, before.version(), now, by.username())) {
            throw ProblemException.conflict("question.stale");
        }
        Map<String, Change> changes = AuditLog.diff(snapshot(before), snapshot(after));
        questions.event(Ids.newId(), before.id(), before.regionCode(), now, by.username(), by.role(), action,
                before.status(), after.status(), note);
        audit.record("QUESTION_" + action, ENTITY, before.id().toString(), before.regionCode(), changes,
                note == null ? before.reference() : before.reference() + " " + note);
        return questions.find(before.id()).orElseThrow();
    }

    private static Map<String, Object> snapshot(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", q.status().name());
        m.put("programCode", q.programCode());
        m.put("publicText", q.publicText());
        m.put("answer", q.answer());
        m.put("rejectReason", q.rejectReason() == null ? null : q.rejectReason().name());
        m.put("statusNote", q.statusNote());
        return m;
    }

    private void notifyAsker(Question q, String email, String link) {
        // The asker chose the district's language: the message is in Indonesian whoever publishes it.
        String subject = texts.get(Texts.INDONESIAN, "question.mail.subject", q.reference());
        String body = texts.get(Texts.INDONESIAN, "question.mail.body", q.reference(), link, q.publicText(), q.answer());
        notifications.queue(new Email(q.regionCode(), null, email, subject, body, "question-answered",
                "question-answered:" + q.id()));
    }

    private ProblemException wrongStatus(Question q) {
        return new ProblemException(HttpStatus.CONFLICT, "wrong-status", "question.wrong-status",
                texts.get(q.status().labelKey()));
    }

    /** Checks and tidies what the public sent; throws with every offending field at once. */
    Ask check(Ask ask) {
        List<FieldError> errors = new ArrayList<>();
        String text = blankToNull(ask.question());
        if (text == null) {
            errors.add(new FieldError("question", "question.error.text-required"));
        } else if (text.length() < MIN_TEXT) {
            errors.add(new FieldError("question", "question.error.text-too-short", MIN_TEXT));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("question", "question.error.text-too-long", MAX_TEXT));
        }
        String program = program(ask.programCode(), errors);
        String name = blankToNull(ask.name());
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "question.error.name-too-long", MAX_NAME));
        }
        String email = blankToNull(ask.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "question.error.email"));
        }
        String phone = blankToNull(ask.phone());
        if (phone != null) {
            phone = phone.replaceAll("[\\s.()-]", "");
            if (!PHONE.matcher(phone).matches()) {
                errors.add(new FieldError("phone", "question.error.phone"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Ask(program, text, name, email, phone);
    }

    private String program(String code, List<FieldError> errors) {
        String c = blankToNull(code);
        if (c == null) {
            return null;
        }
        String upper = c.toUpperCase(Locale.ROOT);
        if (programs.findPublished(upper).isEmpty()) {
            errors.add(new FieldError("programCode", "question.error.program-unknown"));
            return null;
        }
        return upper;
    }

    /** Initials of a name, at most three ("Siti Aminah" → "S. A."): the only part of a name ever shown. */
    static String initials(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        Arrays.stream(name.trim().split("\\s+"))
                .map(w -> w.codePoints().filter(Character::isLetter).findFirst())
                .filter(java.util.OptionalInt::isPresent)
                .limit(3)
                .forEach(cp -> sb.append(sb.isEmpty() ? "" : " ")
                        .append(new String(Character.toChars(cp.getAsInt())).toUpperCase(Locale.ROOT)).append('.'));
        return sb.isEmpty() ? null : sb.toString();
    }

    /** Search words reduced to letters and digits (nothing else reaches to_tsquery), at most eight. */
    static List<String> searchWords(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .limit(8)
                .toList();
    }

    static String nextReference() {
        StringBuilder sb = new StringBuilder("T-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A reference as typed (any case, spaces) in its stored form, or empty when it cannot be one. */
    public static Optional<String> normalizeReference(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (s.startsWith("T") && s.length() == 9) {
            s = s.substring(1);
        }
        if (s.length() != 8) {
            return Optional.empty();
        }
        String ref = "T-" + s.substring(0, 4) + "-" + s.substring(4);
        return REFERENCE.matcher(ref).matches() ? Optional.of(ref) : Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
