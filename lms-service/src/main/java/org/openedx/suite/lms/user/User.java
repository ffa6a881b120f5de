package org.openedx.suite.lms.user;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;

/** A learner account. Its id is the LMS user id that events and the other services know the learner by. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String email;
    private String name;

    @Column(name = "is_active")
    private boolean active;

    /** A one-way hash of the user's password ({@code {bcrypt}...}); null: the user cannot sign in. */
    private String passwordHash;

    private Instant createdAt;

    protected User() {
    }

    User(String username, String email, String name, String passwordHash, Instant createdAt) {
        this.username = username;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    /** The hash to check a sign-in against; empty when the user has no password. */
    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    /** The learner as Open edX events carry them. */
    public UserData toUserData() {
        return new UserData(id, active, new UserPersonalData(username, email, name));
    }
}
