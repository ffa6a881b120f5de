package org.openedx.suite.discovery.courserun;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseRepository extends JpaRepository<Course, String> {
}
