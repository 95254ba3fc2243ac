package id.slrt.audit;

import id.slrt.audit.internal.AuditRepository;
import id.slrt.platform.Paged;
import id.slrt.platform.Scopes;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Records and searches the audit trail. A record joins the caller's transaction, so a change and
 * its audit row commit or roll back together.
 */
@Service
public class AuditLog {
    private final AuditRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final Scopes scopes;

    AuditLog(AuditRepository repository, ObjectMapper json, Clock clock, Scopes scopes) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.scopes = scopes;
    }

    /** Who acts when nobody is logged in (start-up, scheduled work). */
    public record Actor(String name, UUID id, String role) {
        public static final Actor SYSTEM = new Actor("system", null, null);
    }

    /** Records an action of the current user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, String regionCode,
                       Map<String, Change> changes, String detail) {
        recordAs(currentActor(), action, entityType, entityId, regionCode, changes, detail);
    }

    /**
     * Records a read of personal data. The transaction commits without waiting for the WAL flush
     * ({@code synchronous_commit = off} for this transaction only): a crash may lose the last fraction
     * of a second of read records, never corrupt them, and a lookup does not pay for a disk flush.
     * Changes to data are always recorded with a synchronous commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRead(String action, String entityType, String entityId, String regionCode) {
        repository.relaxCommitForThisTransaction();
        record(action, entityType, entityId, regionCode, null, null);
    }

    /** Records an action of a named actor (e.g. a failed log-in attempt for a user name). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(Actor actor, String action, String entityType, String entityId, String regionCode,
                         Map<String, Change> changes, String detail) {
        String changesJson = changes == null || changes.isEmpty() ? null : json.writeValueAsString(changes);
        repository.insert(new AuditEntry(Ids.newId(), clock.instant(), actor.name(), actor.id(), actor.role(),
                clientIp(), action, entityType, entityId, regionCode == null ? scopes.district() : regionCode,
                changesJson, detail));
    }

    @Transactional(readOnly = true)
    public Paged<AuditEntry> search(AuditQuery query, int page, int size) {
        return repository.search(query, page, size);
    }

    /** Field-by-field differences between two snapshots, keeping only fields whose value changed. */
    public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            Object from = before == null ? null : before.get(key);
            Object to = after.get(key);
            if (!Objects.equals(from, to)) {
                changes.put(key, new Change(from, to));
            }
        }
        return changes;
    }

    private static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentActor a) {
            return new Actor(a.username(), a.userId(), a.role());
        }
        return Actor.SYSTEM;
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
