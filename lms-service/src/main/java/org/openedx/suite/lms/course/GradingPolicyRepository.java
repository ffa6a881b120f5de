package org.openedx.suite.lms.course;

import org.springframework.data.jpa.repository.JpaRepository;

interface GradingPolicyRepository extends JpaRepository<GradingPolicy, String> {
}
