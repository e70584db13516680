package dev.camundahil.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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

	/** Runs once the whole process is parsed, when it is known which HIL tasks have boundary events. */
	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		takeOverMappings(processDefinition);
	}

	private static void takeOverMappings(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			if (Boolean.TRUE.equals(activity.getProperty(HIL_TASK))) {
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
		task.literal(HilTaskParameters.ALLOW_DELEGATION)
			.ifPresent((value) -> HilTaskParameters.flag(HilTaskParameters.ALLOW_DELEGATION, value));
		task.literal(HilTaskParameters.VARIABLES)
			.ifPresent((mode) -> HilTaskParameters.variables(mode, VariablesMode.SEPARATE));
		task.literal(HilTaskParameters.LOCALE).ifPresent(HilTaskParameters::locale);
		task.literal(HilTaskParameters.TIME_ZONE).ifPresent(HilTaskParameters::timeZone);
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
