package dev.camundahil;

import java.io.File;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import dev.camundahil.support.HostApplication.OptionalPart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a host application gets with the plugin: the parts the host tests leave off its class path are optional
 * dependencies of the plugin, so a host has them only when it adds them itself.
 */
class OptionalDependenciesTest {

	@Test
	void thePartsAHostAddsItselfAreOptional() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
		XPath xpath = XPathFactory.newInstance().newXPath();
		for (OptionalPart part : OptionalPart.values()) {
			String optional = xpath.evaluate(
					"/project/dependencies/dependency[artifactId='" + part.artifactId() + "']/optional", pom);
			assertThat(optional).as("<optional> of %s in pom.xml", part.artifactId()).isEqualTo("true");
		}
	}

}
