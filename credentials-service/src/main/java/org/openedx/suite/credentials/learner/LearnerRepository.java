package org.openedx.suite.credentials.learner;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LearnerRepository extends JpaRepository<Learner, Long> {

    Optional<Learner> findByUsername(String username);
}
