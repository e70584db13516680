package dev.camundahil.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.camundahil.action.ApprovalRule;
import dev.camundahil.action.ArgumentList;
import dev.camundahil.action.EscalationLevel;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Finds the HIL tasks of a model being deployed ({@code camunda:delegateExpression="${hilTask}"}), fails the
 * deployment when one is misconfigured, attaches the listener that cancels an action when its task is left
 * without a response, and hands the task's input parameters to {@link HilTaskInputs}.
 */
class HilTaskParseListener extends AbstractBpmnParseListener {

	static final String DELEGATE_EXPRESSION = "${hilTask}";

	private static final String HIL_TASK = "hilTask";

	/**
	 * The extension namespaces the engine reads a task's settings from, named here because the engine's constant for
	 * them is named differently on Operaton: {@code camunda:} (with {@code activiti:}, as Camunda reads it) on both
	 * engines, and {@code operaton:}, which Operaton reads as well.
	 */
	private static final List<Namespace> EXTENSIONS = List.of(
			new Namespace("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn"),
			new Namespace("http://operaton.org/schema/1.0/bpmn"));

	private final ExecutionListener leftTaskListener;

	private final Supplier<List<HilTaskCheck>> checks;

	HilTaskParseListener(ExecutionListener leftTaskListener, Supplier<List<HilTaskCheck>> checks) {
		this.leftTaskListener = leftTaskListener;
		this.checks = checks;
	}

	@Override
	public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		String delegate = EXTENSIONS.stream()
			.map((namespace) -> element.attributeNS(namespace, "delegateExpression"))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (delegate == null || !DELEGATE_EXPRESSION.equals(delegate.replace(" ", ""))) {
			return;
		}
		HilTaskDeclaration task = declaration(element, activity);
		try {
			checkBuiltIn(task);
			this.checks.get().forEach((check) -> check.check(task));
		}
		catch (IllegalArgumentException ex) {
			throw new BpmnParseException(task.describe(ex.getMessage()), element, ex);
		}
		activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, this.leftTaskListener);
		activity.setProperty(HIL_TASK, Boolean.TRUE);
	}

	/** Whether a deployed activity is a HIL task. */
	static boolean isHilTask(ActivityImpl activity) {
		return Boolean.TRUE.equals(activity.getProperty(HIL_TASK));
	}

	/** Runs once the whole process is parsed, when it is known which HIL tasks have boundary events. */
	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		takeOverMappings(processDefinition);
	}

	private static void takeOverMappings(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			if (isHilTask(activity)) {
				HilTaskInputs.takeOver(activity);
				HilTaskOutputs.takeOver(activity);
			}
			takeOverMappings(activity);
		}
	}

	private static void checkBuiltIn(HilTaskDeclaration task) {
		if (!task.isDeclared(HilTaskParameters.QUESTION)) {
			throw new IllegalArgumentException("the input parameter 'question' is required");
		}
		if (task.literal(HilTaskParameters.QUESTION).filter((question) -> String.valueOf(question).isBlank()).isPresent()) {
			throw new IllegalArgumentException("the input parameter 'question' is empty");
		}
		if (!task.isDeclared(HilTaskParameters.OUTPUT_TYPES)) {
			throw new IllegalArgumentException(
					"the input parameter 'outputTypes' is required (one or more of chat, email, custom)");
		}
		task.literal(HilTaskParameters.OUTPUT_TYPES).ifPresent(HilTaskParameters::outputTypes);
		task.literal(HilTaskParameters.TIMEOUT)
			.ifPresent((timeout) -> HilTaskParameters.duration(HilTaskParameters.TIMEOUT, timeout));
		task.literal(HilTaskParameters.ON_TIMEOUT).ifPresent(HilTaskParameters::onTimeout);
		checkDefaultResponse(task);
		checkApproval(task);
		task.literal(HilTaskParameters.ESCALATION).ifPresent(EscalationLevel::parse);
		task.literal(HilTaskParameters.ALLOW_DELEGATION)
			.ifPresent((value) -> HilTaskParameters.flag(HilTaskParameters.ALLOW_DELEGATION, value));
		task.literal(HilTaskParameters.VARIABLES)
			.ifPresent((mode) -> HilTaskParameters.variables(mode, VariablesMode.SEPARATE));
		task.literal(HilTaskParameters.LOCALE).ifPresent(HilTaskParameters::locale);
		task.literal(HilTaskParameters.TIME_ZONE).ifPresent(HilTaskParameters::timeZone);
	}

	/** {@code onTimeout = default} needs a default decision, among the options when they are literal. */
	private static void checkDefaultResponse(HilTaskDeclaration task) {
		Optional<HilTaskParameters.OnTimeout> onTimeout = task.literal(HilTaskParameters.ON_TIMEOUT)
			.map(HilTaskParameters::onTimeout);
		// the Modeler writes an empty parameter for a field left empty: that is no default decision
		boolean declared = task.isDeclared(HilTaskParameters.DEFAULT_RESPONSE) && !task
			.literal(HilTaskParameters.DEFAULT_RESPONSE)
			.filter((value) -> String.valueOf(value).isBlank())
			.isPresent();
		if (onTimeout.isPresent() && onTimeout.get() != HilTaskParameters.OnTimeout.DEFAULT && declared) {
			throw new IllegalArgumentException("the input parameter 'defaultResponse' only applies with 'onTimeout' "
					+ "= default, not " + onTimeout.get().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (onTimeout.orElse(null) != HilTaskParameters.OnTimeout.DEFAULT) {
			return;
		}
		if (!declared) {
			throw new IllegalArgumentException("'onTimeout' = default needs the input parameter 'defaultResponse': "
					+ "the answer the action takes at its deadline");
		}
		Optional<Object> value = task.literal(HilTaskParameters.DEFAULT_RESPONSE);
		if (value.isEmpty() || task.isDeclared(HilTaskParameters.EXPECTED_RESPONSE)
				&& task.literal(HilTaskParameters.EXPECTED_RESPONSE).isEmpty()) {
			return;
		}
		HilTaskParameters.defaultResponse(value.get(),
				ArgumentList.of(task.literal(HilTaskParameters.EXPECTED_RESPONSE).orElse(null)));
	}

	/** A literal {@code approval} must be a rule, and fit the approvers where they are literal too. */
	private static void checkApproval(HilTaskDeclaration task) {
		Optional<ApprovalRule> rule = task.literal(HilTaskParameters.APPROVAL).flatMap(ApprovalRule::parse);
		if (rule.isEmpty()) {
			return;
		}
		boolean named = task.isDeclared(HilTaskParameters.APPROVERS)
				&& !task.literal(HilTaskParameters.APPROVERS).filter((value) -> ArgumentList.of(value).isEmpty())
					.isPresent();
		List<String> people = named ? List.of(HilTaskParameters.APPROVERS)
				: List.of(HilTaskParameters.TO, HilTaskParameters.CC);
		if (people.stream().anyMatch((name) -> task.isDeclared(name) && task.literal(name).isEmpty())) {
			return;
		}
		rule.get().checkedFor(HilTaskParameters.approvers(task.literal(HilTaskParameters.APPROVERS).orElse(null),
				task.literal(HilTaskParameters.TO).orElse(null), task.literal(HilTaskParameters.CC).orElse(null)));
	}

	private static HilTaskDeclaration declaration(Element element, ActivityImpl activity) {
		Map<String, Object> literals = new LinkedHashMap<>();
		List<String> declared = new ArrayList<>();
		Element extensions = element.element("extensionElements");
		Element inputOutput = (extensions != null) ? EXTENSIONS.stream()
			.map((namespace) -> extensions.elementNS(namespace, "inputOutput"))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null) : null;
		if (inputOutput != null) {
			List<Element> parameters = EXTENSIONS.stream()
				.flatMap((namespace) -> inputOutput.elementsNS(namespace, "inputParameter").stream())
				.toList();
			for (Element parameter : parameters) {
				String name = parameter.attribute("name");
				declared.add(name);
				Object literal = literal(parameter);
				if (literal != null) {
					literals.put(name, literal);
				}
			}
		}
		String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
		return new HilTaskDeclaration(processKey, activity.getId(), literals, List.copyOf(declared));
	}

	/** Text, a list or a map of texts; null for expressions and scripts, which are only known at run time. */
	private static Object literal(Element parameter) {
		List<Element> children = parameter.elements();
		if (children.isEmpty()) {
			return text(parameter.getText());
		}
		Element value = children.get(0);
		String tag = value.getTagName();
		switch (tag.substring(tag.indexOf(':') + 1)) {
			case "list": {
				List<Object> items = new ArrayList<>();
				for (Element item : value.elements()) {
					Object text = text(item.getText());
					if (text == null) {
						return null;
					}
					items.add(text);
				}
				return items;
			}
			case "map": {
				Map<String, Object> entries = new LinkedHashMap<>();
				for (Element entry : value.elements()) {
					Object text = text(entry.getText());
					if (text == null) {
						return null;
					}
					entries.put(entry.attribute("key"), text);
				}
				return entries;
			}
			default:
				return null;
		}
	}

	private static String text(String text) {
		String stripped = (text != null) ? text.strip() : "";
		boolean expression = stripped.contains("${") || stripped.contains("#{");
		return expression ? null : stripped;
	}

}
