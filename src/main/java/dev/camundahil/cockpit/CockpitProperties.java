package dev.camundahil.cockpit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HIL view in Camunda Cockpit.
 */
@ConfigurationProperties(prefix = CockpitProperties.PREFIX)
public class CockpitProperties {

	static final String PREFIX = "hil.cockpit";

	/** Whether Cockpit (where the application has Camunda's webapps) shows the HIL tab and dashboard entry. */
	private boolean enabled = true;

	/**
	 * The group whose members may act in the HIL view (cancel, extend, pass on, resend, retry); everyone else who may use
	 * Cockpit only looks. Unset: the process engine's admin groups ({@code camunda-admin} on Camunda,
	 * {@code operaton-admin} on Operaton).
	 */
	private String adminGroup;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getAdminGroup() {
		return this.adminGroup;
	}

	public void setAdminGroup(String adminGroup) {
		this.adminGroup = adminGroup;
	}

}
