package id.slrt.registry.generator;

/**
 * The generator fills an empty registry only: a second run would add a second copy of the same people
 * (same seed) or NIKs that clash with the first run's (another seed).
 */
public class RegistryNotEmptyException extends IllegalStateException {
    private final String district;
    private final long households;
    private final boolean sameSeed;

    RegistryNotEmptyException(String district, long households, long seed, boolean sameSeed) {
        super("the registry of district " + district + " already holds " + households + " households"
                + (sameSeed ? " generated from seed " + seed : "")
                + "; the generator only fills an empty registry: use an empty database (e.g. a new SLRT_DATA_DIR)");
        this.district = district;
        this.households = households;
        this.sameSeed = sameSeed;
    }

    public String indonesian() {
        return "registri kabupaten/kota " + district + " sudah berisi " + households + " keluarga"
                + (sameSeed ? " dari seed yang sama" : "")
                + "; generator hanya mengisi registri yang kosong: pakai basis data kosong (mis. SLRT_DATA_DIR baru)";
    }

    public String english() {
        return getMessage();
    }

    public boolean sameSeed() {
        return sameSeed;
    }
}
