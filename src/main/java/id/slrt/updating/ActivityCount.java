package id.slrt.updating;

/**
 * Workflow steps counted over a period for one desa or one maker: requests submitted, returned to the
 * maker, verified by the supervisor, applied or rejected by the district. {@code key} is the desa's
 * region code or the maker's user name.
 */
public record ActivityCount(String key, long submitted, long returned, long verified, long applied, long rejected) {

    public static ActivityCount none(String key) {
        return new ActivityCount(key, 0, 0, 0, 0, 0);
    }

    /** Returned / submitted in the period, or null when nothing was submitted. */
    public Double returnRate() {
        return submitted == 0 ? null : (double) returned / submitted;
    }
}
