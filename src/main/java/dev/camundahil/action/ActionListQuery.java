package dev.camundahil.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Lists actions matching an {@link ActionQuery}, one page at a time.
 * <p>
 * The query is written as query-language text, one text per combination of filters, because Hibernate keeps the
 * compiled plan of a text query; a criteria query, built anew for every request, would be compiled anew for every
 * request too, which cost the list endpoint more than running the query.
 */
final class ActionListQuery {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "expiresAt", "id", "status",
			"flowId", "sessionId", "nodeId");

	private final String where;

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	ActionListQuery(ActionQuery query) {
		StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
		add(where, "a.status = :status", "status", query.status());
		add(where, "a.flowId = :flowId", "flowId", query.flowId());
		add(where, "a.sessionId = :sessionId", "sessionId", query.sessionId());
		add(where, "a.nodeId = :nodeId", "nodeId", query.nodeId());
		add(where, OutputTypeFunction.NAME + "(a.outputTypes, :outputType) = true", "outputType", query.outputType());
		this.where = where.toString();
	}

	Page<ActionRequest> run(EntityManager entityManager, Pageable page) {
		TypedQuery<ActionRequest> select = entityManager
			.createQuery("select a from ActionRequest a" + this.where + orderBy(page.getSortOr(NEWEST_FIRST)),
					ActionRequest.class);
		this.parameters.forEach(select::setParameter);
		if (page.isPaged()) {
			select.setFirstResult((int) page.getOffset()).setMaxResults(page.getPageSize());
		}
		List<ActionRequest> content = select.getResultList();
		if (page.isUnpaged() || (page.getOffset() == 0 && content.size() < page.getPageSize())) {
			return new PageImpl<>(content, page, content.size());
		}
		TypedQuery<Long> count = entityManager.createQuery("select count(a) from ActionRequest a" + this.where,
				Long.class);
		this.parameters.forEach(count::setParameter);
		return new PageImpl<>(content, page, count.getSingleResult());
	}

	private void add(StringJoiner where, String condition, String name, Object value) {
		if (value != null) {
			where.add(condition);
			this.parameters.put(name, value);
		}
	}

	private static String orderBy(Sort sort) {
		StringJoiner orderBy = new StringJoiner(", ", " order by ", "");
		for (Sort.Order order : sort) {
			if (!SORTABLE.contains(order.getProperty())) {
				throw new IllegalArgumentException("Actions cannot be sorted by '" + order.getProperty() + "'");
			}
			orderBy.add("a." + order.getProperty() + (order.isAscending() ? " asc" : " desc"));
		}
		return orderBy.toString();
	}

}
