package dev.camundahil.bench;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.mail.util.StreamProvider;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Starts GreenMail under a context class loader that keeps where Jakarta Mail's {@link StreamProvider} is declared.
 * GreenMail parses every message it receives with Jakarta Mail, which looks its provider up with a
 * {@link java.util.ServiceLoader} for every part, scanning every jar of the class path each time: about two thirds
 * of GreenMail's CPU time per message, on the same two cores as the application measured. A mail server of a real
 * deployment runs elsewhere; so the test server here is made to pay for the lookup once. The server's threads take
 * the loader over from the thread that starts it; the application's threads are untouched.
 */
final class GreenMailClassLoader extends ClassLoader {

	private static final String DECLARATION = "META-INF/services/" + StreamProvider.class.getName();

	private final List<URL> declarations;

	private GreenMailClassLoader(ClassLoader parent) throws IOException {
		super("greenmail-bench", parent);
		this.declarations = Collections.list(parent.getResources(DECLARATION));
	}

	static void start(GreenMail mail) throws IOException {
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		thread.setContextClassLoader(new GreenMailClassLoader(context));
		try {
			mail.start();
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		return DECLARATION.equals(name) ? Collections.enumeration(this.declarations) : super.getResources(name);
	}

}
