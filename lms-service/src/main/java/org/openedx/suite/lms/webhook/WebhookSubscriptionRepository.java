package org.openedx.suite.lms.webhook;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookSubscriptionRepository extends JpaRepository<WebhookSubscription, Long> {

    List<WebhookSubscription> findAllByOrderById();
}
