package dev.camundahil.action;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Reads the audit trail of actions.
 */
public interface ActionAuditRepository extends JpaRepository<ActionAudit, UUID> {

	List<ActionAudit> findByActionIdOrderByTimestampAscIdAsc(UUID actionId);

}
