package id.slrt.updating;

import id.slrt.updating.internal.ActivityRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desa and the operators did in pemutakhiran, from the requests' timelines: steps per desa and
 * per maker over a period and everyone's last step. Limited to the caller's scope by row-level security;
 * the region prefix only narrows it (a kecamatan chosen by a district user).
 */
@Service
public class UpdatingActivity {
    private final ActivityRepository activity;
    private final UpdatingSettings settings;

    private final java.time.Clock clock;

    UpdatingActivity(ActivityRepository activity, UpdatingSettings settings, java.time.Clock clock) {
        this.clock = clock;
        this.activity = activity;
        this.settings = settings;
    }

    /** Days without any step after which an operator counts as inactive (SLRT_UPDATING_INACTIVE_DAYS). */
    public int inactiveDays() {
        return settings.inactiveDays();
    }

    @Transactional(readOnly = true)
    public List<ActivityCount> byDesa(Instant from, String regionPrefix) {
        return activity.byDesa(from, clock.instant(), regionPrefix);
    }

    /** Steps on the requests each maker made, keyed by the maker's user name. */
    @Transactional(readOnly = true)
    public List<ActivityCount> byMaker(Instant from, String regionPrefix) {
        return activity.byMaker(from, clock.instant(), regionPrefix);
    }

    /** The last step (any action on the timeline) each of the given users took; absent when none. */
    @Transactional(readOnly = true)
    public Map<String, Instant> lastActivity(Collection<String> usernames, String regionPrefix) {
        return activity.lastActivity(usernames, clock.instant(), regionPrefix);
    }

    @Transactional(readOnly = true)
    public Map<String, Instant> lastActivityByDesa(String regionPrefix) {
        return activity.lastActivityByDesa(clock.instant(), regionPrefix);
    }
}
