package org.openedx.suite.credentials.learner;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LearnerRepository extends JpaRepository<Learner, Long> {

    Optional<Learner> findByUsername(String username);

    List<Learner> findByUsernameIn(Collection<String> usernames);
}
