package org.openedx.suite.lms.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Validated
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserResponse create(@Valid @RequestBody CreateUserRequest request) {
        return UserResponse.of(users.create(request.username(), request.email(), request.name(), request.password()));
    }

    @GetMapping("/{username}")
    public UserResponse get(@PathVariable String username) {
        return UserResponse.of(users.require(username));
    }

    /** Usernames as Django's default validator allows them, so they fit in paths and events unchanged. */
    record CreateUserRequest(
            @NotBlank @Size(max = 150)
            @Pattern(regexp = "[A-Za-z0-9_.@+-]+", message = "may contain only letters, digits and _ . @ + -")
            String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 255) String name,
            // optional: a user without one cannot sign in in a browser
            @Size(min = 8, max = 128) String password) {
    }

    record UserResponse(long id, String username, String email, String name, boolean isActive) {

        static UserResponse of(User user) {
            return new UserResponse(user.id(), user.username(), user.email(), user.name(), user.active());
        }
    }
}
