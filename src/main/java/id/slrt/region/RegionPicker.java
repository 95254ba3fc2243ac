package id.slrt.region;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * State of the cascading region picker (template {@code region/picker :: picker}): one select per
 * level below {@code root}, down to {@code depth} (4 = desa). The chosen code travels in a hidden
 * input named {@code field}; choosing a region asks {@code /regions/picker} for the next level.
 */
@Component
public class RegionPicker {
    private final RegionService regions;

    RegionPicker(RegionService regions) {
        this.regions = regions;
    }

    /** One select of the picker: its options, the selected code ("" = none), and its level's label key. */
    public record Level(String labelKey, String parentCode, List<Region> options, String selected) {
    }

    public record Picker(String field, String root, int depth, String value, List<Level> levels) {
    }

    /** The picker for a chosen code (or the root when nothing valid is chosen). */
    public Picker build(String field, String root, int depth, String code) {
        String value = code != null && code.startsWith(root) && regions.find(code).isPresent() ? code : root;
        int rootLevel = regions.find(root).map(Region::level).orElse(2);
        List<Level> levels = new ArrayList<>();
        String parent = root;
        for (int level = rootLevel + 1; level <= depth; level++) {
            List<Region> options = regions.children(parent);
            if (options.isEmpty()) {
                break;
            }
            String selected = "";
            for (Region r : options) {
                if (value.startsWith(r.code())) {
                    selected = r.code();
                }
            }
            levels.add(new Level("region.level." + level, parent, options, selected));
            if (selected.isEmpty()) {
                break;
            }
            parent = selected;
        }
        return new Picker(field, root, depth, value, levels);
    }
}
