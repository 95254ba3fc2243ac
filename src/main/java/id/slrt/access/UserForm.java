package id.slrt.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters to create or edit a user. {@code password} is optional on create
 * (a temporary one is generated) and ignored on edit (use reset). {@code version} guards edits.
 */
public record UserForm(
        @NotBlank @Size(max = 40) String username,
        @NotBlank @Size(max = 100) String fullName,
        @Size(max = 120) String email,
        @Size(max = 20) String phone,
        @NotNull Role role,
        @NotBlank String regionCode,
        @Size(max = 120) String agency,
        @Size(max = 128) String password,
        Integer version) {

    public static UserForm empty(String district) {
        return new UserForm("", "", "", "", Role.OPERATOR_DESA, district, "", "", null);
    }

    public static UserForm of(UserAccount u) {
        return new UserForm(u.username(), u.fullName(), u.email(), u.phone(), u.role(), u.regionCode(), u.agency(),
                "", u.version());
    }
}
