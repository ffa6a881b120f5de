package org.openedx.suite.cms.tagging;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaxonomyRepository extends JpaRepository<Taxonomy, String> {
}
