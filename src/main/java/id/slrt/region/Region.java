package id.slrt.region;

/**
 * A Kemendagri region. {@code level}: 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan.
 */
public record Region(String code, String parentCode, int level, String name) {

    /** Message key of the kind of region: provinsi, kabupaten, kota, kecamatan, desa, kelurahan. */
    public String kindKey() {
        return switch (level) {
            case 1 -> "region.kind.provinsi";
            case 2 -> name.startsWith("Kota") ? "region.kind.kota" : "region.kind.kabupaten";
            case 3 -> "region.kind.kecamatan";
            // Kemendagri: the 7th digit is 1 for a kelurahan, 2 for a desa.
            default -> code.charAt(6) == '1' ? "region.kind.kelurahan" : "region.kind.desa";
        };
    }
}
