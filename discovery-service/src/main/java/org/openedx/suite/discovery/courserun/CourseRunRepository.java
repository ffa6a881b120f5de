package org.openedx.suite.discovery.courserun;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseRunRepository extends JpaRepository<CourseRun, String> {
}
