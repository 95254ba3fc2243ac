package id.slrt.program.web;

import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.program.Program;
import id.slrt.program.ProgramCatalogue;
import id.slrt.program.ProgramFilter;
import id.slrt.program.ProgramForm;
import id.slrt.program.Sector;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The program catalogue over the API: reading is public, editing is for administrators. */
@RestController
@RequestMapping("/api/v1/programs")
@Tag(name = "Programs", description = "Program catalogue: public information on national and local programs")
class ProgramApiController {
    private final ProgramCatalogue catalogue;

    ProgramApiController(ProgramCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Programs by name (no log-in needed); an administrator may add includeUnpublished=true",
            description = "q searches code, name, purpose and audience; sector is one of the Sector values.")
    Paged<Program> list(@RequestParam(required = false) String q, @RequestParam(required = false) String sector,
                        @RequestParam(defaultValue = "false") boolean includeUnpublished,
                        @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "false") boolean desc,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
                        @AuthenticationPrincipal CurrentActor me) {
        boolean all = includeUnpublished && isEditor(me);
        return catalogue.list(new ProgramFilter(q, Set.of(), Sector.parse(sector), all, sort, desc), Math.max(page, 0),
                Paged.size(size));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One program (no log-in needed); unpublished ones only for administrators")
    Program get(@PathVariable String code, @AuthenticationPrincipal CurrentActor me) {
        return (isEditor(me) ? catalogue.find(code) : catalogue.findPublished(code))
                .orElseThrow(() -> ProblemException.notFound("program.not-found", code));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a program's information (administrator; send the version you read)")
    Program update(@PathVariable String code, @RequestBody ProgramForm form, @AuthenticationPrincipal CurrentActor me) {
        return catalogue.update(code, form, me);
    }

    private static boolean isEditor(CurrentActor me) {
        return me != null && ProgramCatalogue.EDITOR_ROLE.equals(me.role());
    }
}
