package dev.camundahil.webhook;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Reads and stores webhook subscriptions.
 */
public interface ActionWebhookRepository extends JpaRepository<ActionWebhook, UUID> {

	List<ActionWebhook> findByActiveTrue();

}
