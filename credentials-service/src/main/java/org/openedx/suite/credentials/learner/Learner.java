package org.openedx.suite.credentials.learner;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A learner as the LMS last described them. */
@Entity
class Learner {

    // ids from a sequence, a hundred at a time: an IDENTITY id would make Hibernate insert rows one by one
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "learner_id_seq")
    @SequenceGenerator(name = "learner_id_seq", sequenceName = "learner_id_seq", allocationSize = 100)
    private Long id;
    private String username;
    private long userId;
    private String email;
    private String name;
    private Instant modified;

    protected Learner() {
    }

    Learner(String username) {
        this.username = username;
    }

    void describe(long userId, String email, String name, Instant modified) {
        this.userId = userId;
        this.email = email;
        this.name = name;
        this.modified = modified;
    }

    /** As events carry a user: an active user, since this service hears only of users the LMS announces. */
    org.openedx.suite.contracts.UserData toUserData() {
        return new org.openedx.suite.contracts.UserData(userId, true,
                new org.openedx.suite.contracts.UserPersonalData(username, email, name));
    }

    String username() {
        return username;
    }

    long userId() {
        return userId;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    Instant modified() {
        return modified;
    }
}
