package id.slrt.updating.web;

import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.PeriodForm;
import id.slrt.updating.UpdatePeriod;
import id.slrt.updating.UpdatePeriods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The district's update periods and their cut-off dates over the API. */
@RestController
@RequestMapping("/api/v1/update-periods")
@Tag(name = "Update periods", description = "Pemutakhiran periods with desa, kecamatan and district cut-off dates")
class PeriodApiController {
    private final UpdatePeriods periods;

    PeriodApiController(UpdatePeriods periods) {
        this.periods = periods;
    }

    @GetMapping
    @Operation(summary = "Periods, newest first")
    Paged<UpdatePeriod> list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return periods.list(Math.max(page, 0), Paged.size(size));
    }

    @GetMapping("/active")
    @Operation(summary = "The period covering today with days left to each cut-off (404 when none is active)")
    UpdatePeriods.Banner active() {
        return periods.banner().orElseThrow(() -> ProblemException.notFound("period.none-active"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One period")
    UpdatePeriod get(@PathVariable UUID id) {
        return periods.find(id).orElseThrow(() -> ProblemException.notFound("period.not-found"));
    }

    @PostMapping
    @Operation(summary = "Define a period (administrator or SLRT operator); periods never overlap")
    ResponseEntity<UpdatePeriod> create(@RequestBody PeriodForm form, @AuthenticationPrincipal CurrentActor me) {
        UpdatePeriod p = periods.create(form, me);
        return ResponseEntity.created(URI.create("/api/v1/update-periods/" + p.id())).body(p);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a period (send the version you read)")
    UpdatePeriod update(@PathVariable UUID id, @RequestBody PeriodForm form, @AuthenticationPrincipal CurrentActor me) {
        return periods.update(id, form, me);
    }
}
