package dev.camundahil.action;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Reads actions. Soft-deleted rows are filtered out of every query by the entity's restriction. The first three
 * methods are the schema document's query examples.
 */
public interface ActionRequestRepository extends JpaRepository<ActionRequest, UUID> {

	/** Query 1: pending actions of a flow, newest first. */
	@Query("select a from ActionRequest a where a.flowId = :flowId and a.status = dev.camundahil.action.ActionStatus.PENDING order by a.createdAt desc")
	List<ActionRequest> findPendingByFlowId(@Param("flowId") String flowId, Pageable page);

	/** Query 2: pending actions that go out on an output type, newest first. */
	@Query("select a from ActionRequest a where hil_has_output_type(a.outputTypes, :outputType) and a.status = dev.camundahil.action.ActionStatus.PENDING order by a.createdAt desc")
	List<ActionRequest> findPendingByOutputType(@Param("outputType") String outputType, Pageable page);

	/** Query 3: one action by id (inherited {@link #findById}). */
	@Override
	Optional<ActionRequest> findById(UUID id);

	// Written out in JPQL rather than derived from the method names: Hibernate caches the plan of a JPQL query,
	// while a derived query is translated from criteria on every call.

	@Query("select a from ActionRequest a where a.executionId = :executionId and a.status = :status order by a.createdAt")
	List<ActionRequest> findByExecutionIdAndStatus(@Param("executionId") String executionId,
			@Param("status") ActionStatus status);

	@Query("select a from ActionRequest a where a.sessionId = :sessionId and a.status = :status order by a.createdAt desc")
	List<ActionRequest> findBySessionIdAndStatusOrderByCreatedAtDesc(@Param("sessionId") String sessionId,
			@Param("status") ActionStatus status);

}
