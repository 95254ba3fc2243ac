package id.slrt.access;

import java.util.Set;

/**
 * The roles of DESIGN.md §2, each with the region levels its scope may have
 * (2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan).
 */
public enum Role {
    ADMIN(Set.of(2)),
    MANAGER(Set.of(2)),
    OPERATOR_SLRT(Set.of(2)),
    SUPERVISOR(Set.of(3)),
    FASILITATOR(Set.of(3, 4)),
    OPERATOR_DESA(Set.of(4)),
    MITRA(Set.of(2));

    private final Set<Integer> scopeLevels;

    Role(Set<Integer> scopeLevels) {
        this.scopeLevels = scopeLevels;
    }

    public boolean acceptsScopeLevel(int level) {
        return scopeLevels.contains(level);
    }

    /** The deepest level the region picker offers for this role's scope. */
    public int deepestScopeLevel() {
        return scopeLevels.stream().max(Integer::compare).orElse(2);
    }

    public String labelKey() {
        return "role." + name();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
