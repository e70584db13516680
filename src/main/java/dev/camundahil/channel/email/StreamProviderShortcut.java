package dev.camundahil.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.util.StreamProvider;

/**
 * Runs the writing and sending of an email under a context class loader that answers Jakarta Mail's lookup of its
 * {@link StreamProvider} from memory. Jakarta Mail 2.1 looks the provider up with a {@link java.util.ServiceLoader}
 * for every body part and multipart it creates and for every part it writes: each lookup reads
 * {@code META-INF/services/jakarta.mail.util.StreamProvider} from every jar of the application, and opens the jar
 * that declares it anew, a large share of the CPU time of sending an email. The lookup asks the
 * context class loader first; the loader here hands it the declarations read once from the loader it wraps, and
 * leaves every other class and resource to that loader. Nothing global changes: other threads, and other mail
 * code of the application, look the provider up as before.
 */
final class StreamProviderShortcut {

	static final String DECLARATION = "META-INF/services/" + StreamProvider.class.getName();

	/** The loader for each context class loader met, if any; the dispatch threads share one. */
	private final Map<ClassLoader, Optional<ProviderLoader>> loaders = new ConcurrentHashMap<>();

	<T> T call(Callable<T> work) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		ProviderLoader shortcut = loaderFor(context);
		if (shortcut == null) {
			return work.call();
		}
		thread.setContextClassLoader(shortcut);
		try {
			return work.call();
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

	private ProviderLoader loaderFor(ClassLoader context) {
		if (context == null || context instanceof ProviderLoader) {
			return null;
		}
		return this.loaders.computeIfAbsent(context, StreamProviderShortcut::create).orElse(null);
	}

	private static Optional<ProviderLoader> create(ClassLoader context) {
		List<URL> declarations = new ArrayList<>();
		try {
			for (URL declaration : Collections.list(context.getResources(DECLARATION))) {
				try (InputStream in = declaration.openStream()) {
					declarations.add(inMemory(declarations.size(), in.readAllBytes()));
				}
			}
		}
		catch (IOException ex) {
			// unreadable: Jakarta Mail reads it itself, as without the shortcut
			declarations.clear();
		}
		// without a declaration Jakarta Mail finds its provider some other way; then it keeps doing so
		return declarations.isEmpty() ? Optional.empty() : Optional.of(new ProviderLoader(context, declarations));
	}

	@SuppressWarnings("deprecation") // URL(String, String, int, String, URLStreamHandler): the way to Java 17
	private static URL inMemory(int index, byte[] content) throws IOException {
		return new URL("hil-mail", null, -1, "/" + index + "/" + DECLARATION, new URLStreamHandler() {

			@Override
			protected URLConnection openConnection(URL url) {
				return new URLConnection(url) {

					@Override
					public void connect() {
						this.connected = true;
					}

					@Override
					public InputStream getInputStream() {
						return new ByteArrayInputStream(content);
					}

				};
			}

		});
	}

	/** Answers the provider declaration from memory; everything else from its parent. */
	static final class ProviderLoader extends ClassLoader {

		static {
			registerAsParallelCapable();
		}

		private final List<URL> declarations;

		ProviderLoader(ClassLoader parent, List<URL> declarations) {
			super("hil-mail-stream-provider", parent);
			this.declarations = List.copyOf(declarations);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			return DECLARATION.equals(name) ? Collections.enumeration(this.declarations) : super.getResources(name);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			// defines no classes of its own, so there is nothing to lock
			return getParent().loadClass(name);
		}

	}

}
