package id.slrt.access.web;

import id.slrt.access.Role;
import id.slrt.access.SlrtUser;
import id.slrt.access.UserAccount;
import id.slrt.access.UserFilter;
import id.slrt.access.UserForm;
import id.slrt.access.UserService;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users over the API. Reading is scoped by region (a supervisor sees their kecamatan); writing is for admins. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users, roles and region scopes")
class UserApiController {
    private final UserService users;
    private final Clock clock;

    UserApiController(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    private UserView view(UserAccount u) {
        return UserView.of(u, clock.instant());
    }

    record UserView(UUID id, String username, String fullName, String email, String phone, Role role, String regionCode,
                    String agency, boolean enabled, boolean locked, Instant lastLoginAt, int version) {
        static UserView of(UserAccount u, Instant now) {
            return new UserView(u.id(), u.username(), u.fullName(), u.email(), u.phone(), u.role(), u.regionCode(),
                    u.agency(), u.enabled(), u.lockedAt(now), u.lastLoginAt(), u.version());
        }
    }

    record PageView(List<UserView> items, int page, int size, long total) {
    }

    record CreatedView(UserView user, String temporaryPassword) {
    }

    record EnabledRequest(boolean enabled) {
    }

    record PasswordView(String temporaryPassword) {
    }

    @GetMapping
    @Operation(summary = "Users visible in the caller's region scope")
    PageView list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        Paged<UserAccount> result = users.list(new UserFilter(q, Role.parse(role), null, "username", false),
                Math.max(0, page), Paged.size(size));
        return new PageView(result.items().stream().map(this::view).toList(), result.page(), result.size(),
                result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user; 404 when outside the caller's scope")
    UserView one(@PathVariable UUID id) {
        return users.find(id).map(this::view).orElseThrow(() -> ProblemException.notFound("user.not-found"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (admin); without password a temporary one is returned once")
    CreatedView create(@Valid @RequestBody UserForm form, @AuthenticationPrincipal SlrtUser me) {
        UserService.Created created = users.create(form, me);
        return new CreatedView(view(created.user()), created.temporaryPassword());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a user's profile, role and scope; send the version you read (409 when stale)")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UserForm form, @AuthenticationPrincipal SlrtUser me) {
        return view(users.update(id, form, me));
    }

    @PostMapping("/{id}/enabled")
    @Operation(summary = "Enable or disable a user; disabling also revokes their tokens")
    UserView setEnabled(@PathVariable UUID id, @RequestBody EnabledRequest request, @AuthenticationPrincipal SlrtUser me) {
        users.setEnabled(id, request.enabled(), me);
        return one(id);
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "Reset a user's password to a temporary one they must change")
    PasswordView resetPassword(@PathVariable UUID id, @AuthenticationPrincipal SlrtUser me) {
        return new PasswordView(users.resetPassword(id, me));
    }
}
