package id.slrt.access.web;

import id.slrt.access.ApiToken;
import id.slrt.access.SlrtUser;
import id.slrt.access.TokenService;
import id.slrt.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Named long-lived tokens (admin)")
class TokenApiController {
    private final TokenService tokens;

    TokenApiController(TokenService tokens) {
        this.tokens = tokens;
    }

    record CreateRequest(UUID userId, String name, Integer validDays) {
    }

    record CreatedView(ApiToken token, String secret) {
    }

    @GetMapping
    @Operation(summary = "Named tokens (secrets are never shown again)")
    List<ApiToken> list() {
        return tokens.listNamed();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a named token for a user; validDays omitted = no expiry")
    CreatedView create(@RequestBody CreateRequest request, @AuthenticationPrincipal SlrtUser me) {
        if (request.userId() == null) {
            throw ProblemException.invalidField("userId", "NotBlank");
        }
        TokenService.CreatedNamed created = tokens.createNamed(request.userId(), request.name(), request.validDays(), me);
        return new CreatedView(created.token(), created.secret());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a named token")
    ApiToken revoke(@PathVariable UUID id, @AuthenticationPrincipal SlrtUser me) {
        tokens.revoke(id, me);
        return tokens.listNamed().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("token.not-found"));
    }
}
