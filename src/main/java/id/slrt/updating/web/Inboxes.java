package id.slrt.updating.web;

import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.RequestStatus;
import id.slrt.updating.internal.ChangeRequestRepository.InboxQuery;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Each role's inboxes and the filters of the request lists, shared by the pages and the API. */
@Component
class Inboxes {
    static final List<String> NAMES = List.of("to-verify", "returned", "to-apply", "drafts", "mine", "all");
    private final Clock clock;

    Inboxes(Clock clock) {
        this.clock = clock;
    }

    /** The inbox a role starts in. */
    static String defaultInbox(CurrentActor me) {
        return switch (me.role()) {
            case "SUPERVISOR" -> "to-verify";
            case "OPERATOR_SLRT" -> "to-apply";
            case "OPERATOR_DESA", "FASILITATOR" -> "mine";
            default -> "all";
        };
    }

    /** The inboxes a role sees as tabs. */
    static List<String> tabs(CurrentActor me) {
        return switch (me.role()) {
            case "SUPERVISOR" -> List.of("to-verify", "all");
            case "OPERATOR_SLRT" -> List.of("to-apply", "returned", "drafts", "mine", "all");
            case "OPERATOR_DESA", "FASILITATOR" -> List.of("mine", "returned", "drafts", "all");
            default -> List.of("all");
        };
    }

    InboxQuery query(CurrentActor me, String inbox, String status, String kind, String region, UUID household,
                     boolean overdue, String text, String sort) {
        String name = inbox == null || !NAMES.contains(inbox) ? "all" : inbox;
        String maker = switch (name) {
            case "returned", "drafts", "mine" -> me.username();
            default -> null;
        };
        List<RequestStatus> statuses = switch (name) {
            case "to-verify" -> List.of(RequestStatus.SUBMITTED);
            case "to-apply" -> List.of(RequestStatus.VERIFIED);
            case "returned" -> List.of(RequestStatus.RETURNED);
            case "drafts" -> List.of(RequestStatus.DRAFT);
            default -> parseStatuses(status);
        };
        return new InboxQuery(statuses, region, ChangeKind.parse(kind), maker, household,
                overdue ? clock.instant() : null, text, sort,
                maker == null && (statuses.isEmpty() || statuses.contains(RequestStatus.DRAFT)) ? me.username() : null);
    }

    private static List<RequestStatus> parseStatuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        return Arrays.stream(status.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .flatMap(s -> Arrays.stream(RequestStatus.values()).filter(v -> v.name().equalsIgnoreCase(s))).toList();
    }
}
