package org.openedx.suite.lms.course;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseOverviewRepository extends JpaRepository<CourseOverview, String> {
}
