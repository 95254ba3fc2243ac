package id.slrt.registry;

/** Jenis kelamin as DTKS writes it: L laki-laki, P perempuan. */
public enum Sex {
    L, P;

    public static Sex parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toUpperCase()) {
            case "L", "LAKI-LAKI", "LAKI LAKI", "1", "M", "MALE" -> L;
            case "P", "PEREMPUAN", "2", "F", "FEMALE", "W", "WANITA" -> P;
            default -> null;
        };
    }
}
