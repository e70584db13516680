package dev.camundahil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which package may use which, as each package's {@code package-info.java} states it: actions are reached only
 * through {@code ActionService}, the web helpers and retry policies depend on no feature, and no two feature
 * packages depend on each other.
 */
class PackageRulesTest {

	private static final String ACTION = "dev.camundahil.action..";

	/** The classes that read or write the action tables. */
	private static final List<String> ACTION_TABLES = List.of("ActionRequestRepository", "ActionAuditRepository",
			"IdempotencyKeys", "OverdueActions", "ActionListQuery", "JsonColumns");

	/** The settings and schema hub, which every feature imports until each has its own configuration. */
	private static final DescribedPredicate<JavaClass> CONFIG = resideInAPackage("dev.camundahil.config..");

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.camundahil");
	}

	@Test
	void onlyTheActionPackageUsesTheActionTables() {
		noClasses().that()
			.resideOutsideOfPackage(ACTION)
			.should()
			.dependOnClassesThat(resideInAPackage(ACTION).and(DescribedPredicate.describe("read or write action tables",
					(JavaClass target) -> ACTION_TABLES.contains(target.getSimpleName()))))
			.check(classes);
	}

	@Test
	void onlyTheActionPackagePublishesActionEvents() {
		noClasses().that()
			.resideOutsideOfPackage(ACTION)
			.should()
			.callConstructor(ActionEvent.class, ActionEvent.Type.class, ActionView.class, Instant.class, boolean.class,
					boolean.class)
			.check(classes);
	}

	@Test
	void noSqlOutsideTheActionPackageNamesAnActionTable() throws IOException {
		Pattern actionTable = Pattern.compile("\\b(action_request|action_audit|action_idempotency_key)\\b");
		Path sources = Path.of("src/main/java/dev/camundahil");
		try (Stream<Path> files = Files.walk(sources)) {
			List<Path> naming = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.startsWith(sources.resolve("action")))
				.filter((file) -> actionTable.matcher(read(file)).find())
				.toList();
			assertThat(naming).as("sources outside the action package that name an action table").isEmpty();
		}
	}

	@Test
	void theWebHelpersDependOnNoFeature() {
		dependsOnNoOtherPackage("dev.camundahil.web..");
	}

	@Test
	void theRetryPoliciesDependOnNoFeature() {
		dependsOnNoOtherPackage("dev.camundahil.retry..");
	}

	@Test
	void dispatchAndWebhooksDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("dev.camundahil.webhook..")
			.should()
			.dependOnClassesThat(resideInAPackage("dev.camundahil.channel.."))
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.camundahil.channel..")
			.should()
			.dependOnClassesThat(resideInAPackage("dev.camundahil.webhook.."))
			.check(classes);
	}

	@Test
	void featurePackagesDoNotDependOnEachOtherInACircle() {
		slices().matching("dev.camundahil.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(CONFIG, DescribedPredicate.alwaysTrue())
			.ignoreDependency(DescribedPredicate.alwaysTrue(), CONFIG)
			.check(classes);
	}

	private static void dependsOnNoOtherPackage(String shared) {
		noClasses().that()
			.resideInAPackage(shared)
			.should()
			.dependOnClassesThat(resideInAPackage("dev.camundahil..").and(resideOutsideOfPackage(shared)))
			.check(classes);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}
