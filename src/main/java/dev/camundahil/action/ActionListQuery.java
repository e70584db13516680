package dev.camundahil.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Lists actions matching an {@link ActionQuery}, one page at a time. The total is counted only when the page does
 * not already tell it (a first page that is not full).
 */
final class ActionListQuery {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "updatedAt", "updated_at",
			"expiresAt", "expires_at", "id", "id", "status", "status", "flowId", "flow_id", "sessionId", "session_id",
			"nodeId", "node_id");

	private final StringBuilder where = new StringBuilder();

	private final List<Object> parameters = new ArrayList<>();

	ActionListQuery(ActionQuery query, String hasOutputType) {
		add("status = ?", (query.status() != null) ? query.status().value() : null);
		add("flow_id = ?", query.flowId());
		add("session_id = ?", query.sessionId());
		add("node_id = ?", query.nodeId());
		add(hasOutputType, query.outputType());
	}

	/** Runs the query: {@code select} reads the actions that are not soft-deleted and ends in a where clause. */
	Page<ActionRequest> run(JdbcTemplate jdbc, String select, RowMapper<ActionRequest> rows, Pageable page) {
		String orderBy = orderBy(page.getSortOr(NEWEST_FIRST));
		List<ActionRequest> content = jdbc.query(select + this.where + orderBy + ActionRequestRepository.limit(page),
				rows, this.parameters.toArray());
		if (page.isUnpaged() || (page.getOffset() == 0 && content.size() < page.getPageSize())) {
			return new PageImpl<>(content, page, content.size());
		}
		Long total = jdbc.queryForObject(ActionRequestRepository.COUNT + this.where, Long.class,
				this.parameters.toArray());
		return new PageImpl<>(content, page, (total != null) ? total : 0);
	}

	private void add(String condition, Object value) {
		if (value != null) {
			this.where.append(" AND ").append(condition);
			this.parameters.add(value);
		}
	}

	private static String orderBy(Sort sort) {
		StringJoiner orderBy = new StringJoiner(", ", " ORDER BY ", "");
		for (Sort.Order order : sort) {
			String column = SORTABLE.get(order.getProperty());
			if (column == null) {
				throw new IllegalArgumentException("Actions cannot be sorted by '" + order.getProperty() + "'");
			}
			orderBy.add(column + (order.isAscending() ? " ASC" : " DESC"));
		}
		return orderBy.toString();
	}

}
