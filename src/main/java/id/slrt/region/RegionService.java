package id.slrt.region;

import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StartupProblem;
import id.slrt.region.internal.RegionRepository;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Look-ups of Kemendagri regions, and the one kabupaten/kota this installation serves. */
@Service
public class RegionService {
    private final RegionRepository repository;
    private final String districtCode;
    private volatile Region district;

    RegionService(RegionRepository repository, SlrtProperties props) {
        this.repository = repository;
        this.districtCode = props.district();
    }

    @PostConstruct
    void checkDistrict() {
        Optional<Region> found = repository.find(districtCode);
        if (found.isEmpty() || found.get().level() != 2) {
            throw new StartupProblem(
                    "SLRT_DISTRICT '" + districtCode + "' bukan kode kabupaten/kota Kemendagri yang dikenal (contoh: 1409 Kabupaten Kuantan Singingi).",
                    "SLRT_DISTRICT '" + districtCode + "' is not a known Kemendagri kabupaten/kota code (e.g. 1409 Kabupaten Kuantan Singingi).");
        }
        district = found.get();
    }

    /** The kabupaten/kota this installation serves. */
    public Region district() {
        return district;
    }

    public Optional<Region> find(String code) {
        return repository.find(code);
    }

    /** Children of a region; provinces when {@code parent} is null. */
    public List<Region> children(String parent) {
        return repository.children(parent);
    }

    /** The region's ancestors, province first (the region itself not included). */
    public List<Region> ancestors(String code) {
        List<Region> chain = new ArrayList<>();
        Optional<Region> current = repository.find(code);
        while (current.isPresent() && current.get().parentCode() != null) {
            current = repository.find(current.get().parentCode());
            current.ifPresent(chain::add);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** True for a region inside the installation's kabupaten/kota (or the kabupaten itself). */
    public boolean isInDistrict(String code) {
        return code != null && code.startsWith(districtCode) && repository.find(code).isPresent();
    }

    /** A kecamatan code that exists in no current decree but in an earlier one (pemekaran). */
    public boolean isHistorical(String code) {
        return repository.isHistorical(code);
    }

    /** The region's name for display, or the code itself when it is unknown. */
    public String label(String code) {
        return repository.find(code).map(Region::name).orElse(code);
    }
}
