package dev.camundahil.action;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * The {@code action_request} table's own queries, for benchmarks outside this package that time them as the schema
 * document states them; everything else reads actions through {@link ActionService}.
 */
public final class StoredActions {

	private final ActionRequestRepository repository;

	private StoredActions(ActionRequestRepository repository) {
		this.repository = repository;
	}

	public static StoredActions in(ApplicationContext context) {
		return new StoredActions(context.getBean(ActionRequestRepository.class));
	}

	public List<ActionRequest> findPendingByFlowId(String flowId, Pageable page) {
		return this.repository.findPendingByFlowId(flowId, page);
	}

	public List<ActionRequest> findPendingByOutputType(String outputType, Pageable page) {
		return this.repository.findPendingByOutputType(outputType, page);
	}

	public Optional<ActionRequest> findById(UUID id) {
		return this.repository.findById(id);
	}

	public List<ActionRequest> findBySessionIdAndStatusOrderByCreatedAtDesc(String sessionId, ActionStatus status) {
		return this.repository.findBySessionIdAndStatusOrderByCreatedAtDesc(sessionId, status);
	}

}
