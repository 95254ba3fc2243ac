package id.slrt.registry;

/**
 * Filters of the household list: region prefix (desa or kecamatan), PPKS category, program,
 * data quality (OK/WARNING/ERROR), status (default ACTIVE), and the sort key
 * ({@code kk, head, region, members, quality, updated}).
 */
public record HouseholdFilter(String region, String ppks, String program, String quality, String status, String sort,
                              boolean descending) {
}
