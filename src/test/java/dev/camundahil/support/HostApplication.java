package dev.camundahil.support;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.camundahil.bpmn.HilProcesses;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Someone else's application with the plugin in it, started on the class path such an application has: the test
 * class path without the optional parts of the plugin the application did not add itself. The jars are left out,
 * not merely hidden from Spring's conditions, so a plugin class that still needs one of them fails here as it
 * would in the application.
 */
public final class HostApplication implements AutoCloseable {

	/** The plugin's optional dependencies: the artifact a host adds for each, and the other jars it brings. */
	public enum OptionalPart {

		SPRING_SECURITY("spring-boot-starter-security", "spring-security-"),

		SPRINGDOC("springdoc-openapi-starter-webmvc-ui", "springdoc-openapi-", "swagger-", "webjars-locator-lite-"),

		ACTUATOR("spring-boot-starter-actuator", "spring-boot-actuator-", "micrometer-core-", "micrometer-jakarta9-",
				"HdrHistogram-", "LatencyUtils-"),

		PROMETHEUS("micrometer-registry-prometheus", "prometheus-metrics-"),

		CAMUNDA_WEBAPPS("camunda-bpm-spring-boot-starter-webapp", "camunda-webapp-"),

		SPIN("camunda-engine-plugin-spin", "camunda-spin-"),

		OAUTH2_CLIENT("spring-security-oauth2-client", "spring-security-oauth2-", "oauth2-oidc-sdk-", "nimbus-jose-jwt-",
				"content-type-", "lang-tag-");

		private final String artifactId;

		private final List<String> jarPrefixes;

		OptionalPart(String artifactId, String... otherJarPrefixes) {
			this.artifactId = artifactId;
			this.jarPrefixes = Stream.concat(Stream.of(artifactId + "-"), Arrays.stream(otherJarPrefixes)).toList();
		}

		public String artifactId() {
			return this.artifactId;
		}

		boolean brings(File jar) {
			return this.jarPrefixes.stream().anyMatch(jar.getName()::startsWith);
		}

	}

	private final URLClassLoader classLoader;

	private final AutoCloseable context;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private HostApplication(URLClassLoader classLoader, AutoCloseable context, int port) {
		this.classLoader = classLoader;
		this.context = context;
		this.port = port;
	}

	/**
	 * Runs the application class with {@code SpringApplication.run} in a class loader of its own, on a free port and
	 * an in-memory H2 database of its own unless {@code args} name a database.
	 * @param application a {@code @SpringBootApplication} of the test sources; only its name is used
	 * @param absent the optional parts the application does not have
	 * @param args its settings, as {@code --name=value}
	 */
	public static HostApplication start(Class<?> application, Set<OptionalPart> absent, String... args)
			throws Exception {
		URLClassLoader classLoader = new URLClassLoader("host-application", classPath(absent),
				ClassLoader.getPlatformClassLoader());
		// a database of the settings' own replaces the H2 one, as a setting given twice would be read as both
		String database = Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--spring.datasource.url=")) ? null
				: "--spring.datasource.url=jdbc:h2:mem:host-application-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		String[] settings = Stream.concat(Stream.of("--server.port=0", "--spring.main.register-shutdown-hook=false",
				database), Arrays.stream(args))
			.filter(Objects::nonNull)
			.toArray(String[]::new);
		try {
			Object context = inside(classLoader, () -> {
				// the JVM takes one URL stream handler factory, which the first Tomcat of the run registers; this
				// application's own copy of Tomcat does without it, as it serves no packed web archives
				classLoader.loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory")
					.getMethod("disable")
					.invoke(null);
				return classLoader.loadClass("org.springframework.boot.SpringApplication")
					.getMethod("run", Class.class, String[].class)
					.invoke(null, classLoader.loadClass(application.getName()), settings);
			});
			Object environment = context.getClass().getMethod("getEnvironment").invoke(context);
			Object port = classLoader.loadClass("org.springframework.core.env.PropertyResolver")
				.getMethod("getProperty", String.class)
				.invoke(environment, "local.server.port");
			return new HostApplication(classLoader, (AutoCloseable) context, Integer.parseInt((String) port));
		}
		catch (Exception | Error ex) {
			classLoader.close();
			throw ex;
		}
	}

	public int port() {
		return this.port;
	}

	/** A request to the application over HTTP; {@code headers} are names and values in turn. */
	public HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path, String... headers) throws Exception {
		return send("GET", path, null, headers);
	}

	/**
	 * Deploys an approval through Camunda's REST API under the application's context path, as its users would.
	 * @return the process key
	 */
	public String deployApproval(String contextPath) throws Exception {
		String key = HilProcesses.key("hostApproval");
		String boundary = "hil-" + UUID.randomUUID();
		String body = """
				--%1$s\r
				Content-Disposition: form-data; name="deployment-name"\r
				\r
				%2$s\r
				--%1$s\r
				Content-Disposition: form-data; name="data"; filename="%2$s.bpmn"\r
				Content-Type: application/xml\r
				\r
				%3$s\r
				--%1$s--\r
				""".formatted(boundary, key, Bpmn.convertToString(HilProcesses.approval(key)));
		HttpResponse<String> deployed = send("POST", contextPath + "/engine-rest/deployment/create", body,
				"Content-Type", "multipart/form-data; boundary=" + boundary);
		if (deployed.statusCode() != 200) {
			throw new IllegalStateException("deployment refused (" + deployed.statusCode() + "): " + deployed.body());
		}
		return key;
	}

	@Override
	public void close() throws Exception {
		try {
			inside(this.classLoader, () -> {
				this.context.close();
				return null;
			});
		}
		finally {
			this.classLoader.close();
		}
	}

	private static URL[] classPath(Set<OptionalPart> absent) throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			File file = new File(entry);
			if (absent.stream().noneMatch((part) -> part.brings(file))) {
				urls.add(file.toURI().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

	/** Runs with the application's class loader as the thread's, as Spring Boot and its libraries look it up there. */
	private static Object inside(ClassLoader classLoader, Callable<Object> step) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(classLoader);
		try {
			return step.call();
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

}
