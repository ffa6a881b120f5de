package org.openedx.suite.lms.credit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditRequirementStatusRepository extends JpaRepository<CreditRequirementStatus, Long> {

    Optional<CreditRequirementStatus> findByUserIdAndCourseKeyAndNamespaceAndName(long userId, String courseKey,
                                                                                  String namespace, String name);

    List<CreditRequirementStatus> findByUserIdAndCourseKeyOrderByNamespaceAscNameAsc(long userId, String courseKey);
}
