package id.slrt.complaint;

import id.slrt.access.AgencyDirectory;
import id.slrt.access.Role;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.complaint.internal.Handlers;
import id.slrt.complaint.internal.ReferenceData;
import id.slrt.complaint.internal.RoutingRepository;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.shared.CurrentActor;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing rules per category (an administrator's setting, audited) and the routing of a new complaint by its
 * rule: to the least-loaded operator of its desa (the back office when the desa has none), to the least-loaded
 * SLRT back-office operator, or to a partner agency, which the back office follows up.
 */
@Service
public class ComplaintRouting {
    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    private final RoutingRepository rules;
    private final Handlers handlers;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<AgencyDirectory> agencies;
    private final ReferenceData reference;

    ComplaintRouting(RoutingRepository rules, Handlers handlers, AuditLog audit, Clock clock,
                     ObjectProvider<AgencyDirectory> agencies, ReferenceData reference) {
        this.reference = reference;
        this.rules = rules;
        this.handlers = handlers;
        this.audit = audit;
        this.clock = clock;
        this.agencies = agencies;
    }

    /** Where a new complaint goes and to whom it is given ({@code assignee} null when nobody can take it). */
    record Route(RouteTarget target, String agencyCode, String assignee) {
        String note() {
            return target.name() + (agencyCode == null ? "" : " " + agencyCode) + " → "
                    + (assignee == null ? "-" : assignee);
        }
    }

    /** Every category's rule, in the categories' order (a category without a row goes to its desa's operator). */
    @Transactional(readOnly = true)
    public List<RoutingRule> rules() {
        Map<ComplaintCategory, RoutingRule> byCategory = rules.all().stream()
                .collect(Collectors.toMap(RoutingRule::category, Function.identity()));
        return Arrays.stream(ComplaintCategory.values())
                .map(c -> byCategory.getOrDefault(c, new RoutingRule(c, RouteTarget.DESA_OPERATOR, null, null, null)))
                .toList();
    }

    @Transactional(readOnly = true)
    public RoutingRule rule(ComplaintCategory category) {
        return reference.rule(category).orElse(new RoutingRule(category, RouteTarget.DESA_OPERATOR, null, null, null));
    }

    /** Sets a category's rule (administrators); an agency rule needs the agency's code. Audited. */
    @Transactional
    public RoutingRule setRule(String category, String target, String agencyCode, CurrentActor by) {
        ComplaintCategory c = ComplaintCategory.parse(category).orElseThrow(() -> invalid("category",
                "complaint.category-required"));
        RouteTarget t = Arrays.stream(RouteTarget.values()).filter(x -> x.name().equalsIgnoreCase(
                target == null ? "" : target.trim())).findFirst().orElseThrow(() -> invalid("target",
                "complaint.route.target-required"));
        String agency = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        if (t == RouteTarget.AGENCY && (agency == null || !AGENCY_CODE.matcher(agency).matches())) {
            throw invalid("agencyCode", "complaint.route.agency-required");
        }
        // The partner agencies (the referral module's list, through access): a rule naming no active agency
        // would file complaints that nobody can be referred to.
        AgencyDirectory directory = agencies.getIfAvailable();
        if (t == RouteTarget.AGENCY && directory != null && !directory.agencies().containsKey(agency)) {
            throw invalid("agencyCode", "complaint.route.agency-unknown");
        }
        if (t != RouteTarget.AGENCY) {
            agency = null;
        }
        RoutingRule before = rules.find(c).orElse(new RoutingRule(c, RouteTarget.DESA_OPERATOR, null, null, null));
        RoutingRule after = new RoutingRule(c, t, agency, clock.instant(), by.username());
        rules.upsert(after);
        reference.changed();
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("target", new Change(before.target().name(), t.name()));
        changes.put("agencyCode", new Change(before.agencyCode(), agency));
        audit.record("COMPLAINT_ROUTING_SET", "complaint_routing", c.name(), null, changes, null);
        return after;
    }

    /** The route of a new complaint of {@code category} in desa {@code regionCode} by the current rule. */
    Route route(ComplaintCategory category, String regionCode) {
        RoutingRule rule = rule(category);
        return switch (rule.target()) {
            case DESA_OPERATOR -> {
                String operator = handlers.leastLoaded(Role.OPERATOR_DESA, regionCode);
                yield operator != null ? new Route(RouteTarget.DESA_OPERATOR, null, operator)
                        : new Route(RouteTarget.BACK_OFFICE, null, handlers.leastLoaded(Role.OPERATOR_SLRT, regionCode));
            }
            case BACK_OFFICE -> new Route(RouteTarget.BACK_OFFICE, null,
                    handlers.leastLoaded(Role.OPERATOR_SLRT, regionCode));
            case AGENCY -> new Route(RouteTarget.AGENCY, rule.agencyCode(),
                    handlers.leastLoaded(Role.OPERATOR_SLRT, regionCode));
        };
    }

    private static ComplaintProblem invalid(String field, String code) {
        return new ComplaintProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                List.of(new FieldError(field, code)));
    }
}
