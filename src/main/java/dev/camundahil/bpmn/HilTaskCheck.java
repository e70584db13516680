package dev.camundahil.bpmn;

/**
 * A check of a HIL task's declaration at deployment time. Declare one as a bean to reject models a feature cannot
 * serve (a custom channel bean that does not exist, an email without recipients); throw
 * {@link IllegalArgumentException} with a message saying what is wrong, and the deployment fails with it.
 */
@FunctionalInterface
public interface HilTaskCheck {

	void check(HilTaskDeclaration task);

}
