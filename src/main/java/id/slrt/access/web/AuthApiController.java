package id.slrt.access.web;

import id.slrt.access.SlrtUser;
import id.slrt.access.TokenService;
import id.slrt.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Bearer tokens for scripts")
class AuthApiController {
    private final AuthenticationManager authentication;
    private final TokenService tokens;

    AuthApiController(AuthenticationManager authentication, TokenService tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank String username, @NotBlank String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange user name and password for an expiring bearer token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        Authentication auth;
        try {
            auth = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        } catch (LockedException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "account-locked", "login.error.locked");
        } catch (AuthenticationException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "login.error.bad");
        }
        TokenService.Issued issued = tokens.issueLoginToken((SlrtUser) auth.getPrincipal());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }
}
