package dev.camundahil.channel.email;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Jakarta Mail's stream provider found from memory while an email is written, and nothing else changed.
 */
class StreamProviderShortcutTest {

	private final StreamProviderShortcut shortcut = new StreamProviderShortcut();

	@Test
	void theProviderDeclarationComesFromMemoryAndTheProviderIsTheUsualOne() throws Exception {
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		Class<?> usual = StreamProvider.provider().getClass();

		List<URL> declarations = this.shortcut.call(() -> Collections
			.list(Thread.currentThread().getContextClassLoader().getResources(StreamProviderShortcut.DECLARATION)));
		Class<?> provider = this.shortcut.call(() -> StreamProvider.provider().getClass());

		assertThat(declarations).isNotEmpty().allSatisfy((url) -> assertThat(url.getProtocol()).isEqualTo("hil-mail"));
		try (InputStream in = declarations.get(0).openStream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(usual.getName());
		}
		assertThat(provider).isSameAs(usual);
		assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(context);
	}

	@Test
	void everythingElseComesFromTheContextClassLoader() throws Exception {
		ClassLoader context = Thread.currentThread().getContextClassLoader();

		ClassLoader inside = this.shortcut.call(() -> Thread.currentThread().getContextClassLoader());

		assertThat(inside).isNotSameAs(context);
		assertThat(inside.getParent()).isSameAs(context);
		assertThat(inside.loadClass(EmailChannel.class.getName())).isSameAs(EmailChannel.class);
		assertThat(Collections.list(inside.getResources("META-INF/services/jakarta.mail.Provider")))
			.isEqualTo(Collections.list(context.getResources("META-INF/services/jakarta.mail.Provider")));
		assertThat(this.shortcut.call(() -> Thread.currentThread().getContextClassLoader())).isSameAs(inside);
	}

	@Test
	void theContextClassLoaderComesBackWhenTheWorkFails() {
		ClassLoader context = Thread.currentThread().getContextClassLoader();

		assertThatIllegalStateException().isThrownBy(() -> this.shortcut.call(() -> {
			throw new IllegalStateException("failed");
		}));

		assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(context);
	}

	@Test
	void aContextClassLoaderWithoutTheDeclarationIsLeftAsItIs() throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
			thread.setContextClassLoader(bare);

			assertThat(this.shortcut.call(() -> Thread.currentThread().getContextClassLoader())).isSameAs(bare);
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

}
