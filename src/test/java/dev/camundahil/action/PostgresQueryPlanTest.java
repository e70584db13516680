package dev.camundahil.action;

import java.util.UUID;

import dev.camundahil.support.FilledActionTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a table of 100,000 actions, each of the schema document's three queries, in the SQL the repository sends,
 * is answered from an index.
 */
class PostgresQueryPlanTest {

	private static final String FIRST_PAGE = ActionRequestRepository.limit(PageRequest.of(0, 50));

	private static FilledActionTables tables;

	private static UUID someId;

	@BeforeAll
	static void fillTable() {
		tables = FilledActionTables.create("hil_plans");
		someId = tables.jdbc().queryForObject("SELECT id FROM action_request LIMIT 1", UUID.class);
	}

	@Test
	void pendingActionsOfAFlowComeFromTheFlowStatusIndex() {
		String plan = tables.explain(ActionRequestRepository.PENDING_BY_FLOW + FIRST_PAGE, "flow-100");
		assertThat(plan).contains("IDX_ACTION_FLOW_STATUS").doesNotContain("Seq Scan");
	}

	@Test
	void pendingActionsByOutputTypeComeFromAnIndex() {
		String plan = tables.explain(
				ActionRequestRepository.pendingByOutputType(ActionRequestRepository.HAS_OUTPUT_TYPE_POSTGRES)
						+ FIRST_PAGE, "custom");
		assertThat(plan).containsPattern("IDX_ACTION_PENDING_CREATED|IDX_ACTION_OUTPUT_TYPES").doesNotContain("Seq Scan");
	}

	@Test
	void oneActionByIdComesFromThePrimaryKey() {
		String plan = tables.explain(ActionRequestRepository.BY_ID, someId);
		assertThat(plan).contains("action_request_pkey").doesNotContain("Seq Scan");
	}

}
