package id.slrt.region.web;

import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.shared.RegionCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "Kemendagri region codes (public reference data)")
class RegionApiController {
    private final RegionService regions;
    private final Texts texts;

    RegionApiController(RegionService regions, Texts texts) {
        this.regions = regions;
        this.texts = texts;
    }

    record RegionView(String code, String name, int level, String kind, String parentCode) {
    }

    record RegionDetail(String code, String name, int level, String kind, String parentCode, List<RegionView> ancestors) {
    }

    @GetMapping
    @Operation(summary = "Children of a region; provinces when parent is omitted")
    List<RegionView> children(@RequestParam(required = false) String parent) {
        if (parent != null && !parent.isBlank()) {
            if (!RegionCodes.isWellFormed(parent) || regions.find(parent).isEmpty()) {
                throw ProblemException.invalidField("parent", "region.unknown", parent);
            }
        }
        return regions.children(parent == null || parent.isBlank() ? null : parent).stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One region with its ancestors (province first)")
    RegionDetail one(@PathVariable String code) {
        if (!RegionCodes.isWellFormed(code)) {
            throw ProblemException.invalidField("code", "region.malformed", code);
        }
        Region r = regions.find(code).orElseThrow(() -> ProblemException.notFound("region.unknown", code));
        return new RegionDetail(r.code(), r.name(), r.level(), texts.get(r.kindKey()), r.parentCode(),
                regions.ancestors(code).stream().map(this::view).toList());
    }

    private RegionView view(Region r) {
        return new RegionView(r.code(), r.name(), r.level(), texts.get(r.kindKey()), r.parentCode());
    }
}
