package org.openedx.suite.lms.user;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.openedx.suite.web.ApiException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Learner accounts: created over REST, looked up by the other features by username or LMS user id. */
@Service
public class Users {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final UserRepository users;

    Users(UserRepository users) {
        this.users = users;
    }

    /** @param password the user's password for signing in, hashed before it is stored; null for none */
    @Transactional
    User create(String username, String email, String name, String password) {
        if (users.existsByUsername(username)) {
            throw ApiException.conflict("a user with username " + username + " already exists");
        }
        try {
            return users.saveAndFlush(new User(username, email, name,
                    password == null ? null : PASSWORDS.encode(password), Instant.now()));
        } catch (DataIntegrityViolationException e) {
            // another request took the username between the check and the insert
            throw ApiException.conflict("a user with username " + username + " already exists");
        }
    }

    /** The user of that username, if the LMS has one. */
    @Transactional(readOnly = true)
    public Optional<User> find(String username) {
        return users.findByUsername(username);
    }

    /** @throws ApiException 404 when no learner has this username */
    @Transactional(readOnly = true)
    public User require(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("no user with username " + username));
    }

    /** Those of the learners the LMS knows, by LMS user id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, User> findAllById(Collection<Long> ids) {
        Map<Long, User> found = new HashMap<>();
        users.findAllById(ids).forEach(user -> found.put(user.id(), user));
        return found;
    }
}
