package dev.camundahil.action;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * Turns an {@link ActionQuery} into criteria.
 */
final class ActionSpecifications {

	private ActionSpecifications() {
	}

	static Specification<ActionRequest> matching(ActionQuery query) {
		return (root, criteria, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (query.status() != null) {
				predicates.add(builder.equal(root.get("status"), query.status()));
			}
			if (query.flowId() != null) {
				predicates.add(builder.equal(root.get("flowId"), query.flowId()));
			}
			if (query.sessionId() != null) {
				predicates.add(builder.equal(root.get("sessionId"), query.sessionId()));
			}
			if (query.nodeId() != null) {
				predicates.add(builder.equal(root.get("nodeId"), query.nodeId()));
			}
			if (query.outputType() != null) {
				predicates.add(builder.isTrue(builder.function(OutputTypeFunction.NAME, Boolean.class,
						root.get("outputTypes"), builder.literal(query.outputType()))));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

}
