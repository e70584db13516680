package dev.camundahil.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

/**
 * Finds the channel of an output type: {@code chat} and {@code email} go to the {@link OutputChannel} bean whose
 * {@link OutputChannel#type()} names them, {@code custom} to the bean that the task's {@code channel} parameter
 * names. Channels are looked up when used, so that they may depend on anything, the action service included.
 */
final class ChannelRouter {

	static final String CUSTOM = "custom";

	static final String CHANNEL_ARG = "channel";

	private final ListableBeanFactory beans;

	/** Every channel bean by name, looked up once on first use: every opened and closed action routes. */
	private volatile Map<String, OutputChannel> channels;

	ChannelRouter(ListableBeanFactory beans) {
		this.beans = beans;
	}

	private Map<String, OutputChannel> channels() {
		Map<String, OutputChannel> found = this.channels;
		if (found == null) {
			found = Map.copyOf(this.beans.getBeansOfType(OutputChannel.class));
			this.channels = found;
		}
		return found;
	}

	/** The channel serving an output type of an action with these arguments, or why there is none. */
	Route route(String outputType, Map<String, Object> args) {
		if (CUSTOM.equals(outputType)) {
			Object name = (args != null) ? args.get(CHANNEL_ARG) : null;
			if (name == null || String.valueOf(name).isBlank()) {
				return Route.none(outputType, null, "output type 'custom' needs the task parameter 'channel' naming an "
						+ "OutputChannel bean");
			}
			String beanName = String.valueOf(name).strip();
			return channel(beanName).map((channel) -> Route.to(outputType, beanName, channel))
				.orElseGet(() -> Route.none(outputType, beanName, "no OutputChannel bean named '" + beanName + "'"));
		}
		List<Map.Entry<String, OutputChannel>> serving = channels().entrySet()
			.stream()
			.filter((entry) -> outputType.equals(entry.getValue().type()))
			.toList();
		if (serving.size() == 1) {
			return Route.to(outputType, serving.get(0).getKey(), serving.get(0).getValue());
		}
		return Route.none(outputType, null, serving.isEmpty()
				? "no OutputChannel bean serves output type '" + outputType + "' in this application"
				: "several OutputChannel beans serve output type '" + outputType + "' ("
						+ serving.stream().map(Map.Entry::getKey).sorted().toList() + "); keep one");
	}

	/** The channel bean of this name, if this application has one. */
	Optional<OutputChannel> channel(String beanName) {
		if (beanName == null || !isChannel(beanName)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.beans.getBean(beanName, OutputChannel.class));
		}
		catch (NoSuchBeanDefinitionException ex) {
			return Optional.empty();
		}
	}

	/** Whether this application has a channel bean of this name; creates no bean, so it is safe during start-up. */
	boolean isChannel(String beanName) {
		return this.beans.containsBean(beanName) && this.beans.isTypeMatch(beanName, OutputChannel.class);
	}

	/** The names of every channel bean in this application. */
	List<String> channelNames() {
		return List.of(this.beans.getBeanNamesForType(OutputChannel.class));
	}

	/**
	 * Where one output type goes.
	 * @param outputType the action's output type
	 * @param channelName the channel's bean name; for a custom channel also the name that was not found
	 * @param channel the channel, or {@code null} when there is none
	 * @param problem why there is no channel, or {@code null}
	 */
	record Route(String outputType, String channelName, OutputChannel channel, String problem) {

		static Route to(String outputType, String channelName, OutputChannel channel) {
			return new Route(outputType, channelName, channel, null);
		}

		static Route none(String outputType, String channelName, String problem) {
			return new Route(outputType, channelName, null, problem);
		}

		boolean found() {
			return this.channel != null;
		}

	}

}
