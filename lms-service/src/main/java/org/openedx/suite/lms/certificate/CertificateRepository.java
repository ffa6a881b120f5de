package org.openedx.suite.lms.certificate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByUserIdAndCourseKey(long userId, String courseKey);

    List<Certificate> findByUserIdOrderByCourseKey(long userId);
}
