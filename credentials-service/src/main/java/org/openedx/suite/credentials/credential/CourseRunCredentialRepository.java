package org.openedx.suite.credentials.credential;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseRunCredentialRepository extends JpaRepository<CourseRunCredential, Long> {

    Optional<CourseRunCredential> findByUuid(UUID uuid);

    Optional<CourseRunCredential> findByUsernameAndCourseKey(String username, String courseKey);

    List<CourseRunCredential> findByUsernameOrderByCourseKey(String username);
}
