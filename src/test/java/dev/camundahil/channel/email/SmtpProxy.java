package dev.camundahil.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a mail server that counts the connections made through it and can cut them all,
 * as a server does that closes idle connections. While the server is down, it takes a connection and closes it at
 * once.
 */
final class SmtpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final AtomicInteger connections = new AtomicInteger();

	private final Set<Link> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "smtp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	SmtpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Connections made to the server through the proxy so far. */
	int connections() {
		return this.connections.get();
	}

	/** Connections neither side has closed yet. */
	int openConnections() {
		return this.open.size();
	}

	/** Closes every open connection on both sides. */
	void dropAll() {
		this.open.forEach(Link::close);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				return;
			}
			Socket upstream;
			try {
				upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
			}
			catch (IOException ex) {
				closeQuietly(client);
				continue;
			}
			this.connections.incrementAndGet();
			Link link = new Link(client, upstream);
			this.open.add(link);
			this.threads.execute(() -> link.pump(client, upstream));
			this.threads.execute(() -> link.pump(upstream, client));
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		dropAll();
		this.threads.shutdownNow();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private final class Link {

		private final Socket client;

		private final Socket upstream;

		Link(Socket client, Socket upstream) {
			this.client = client;
			this.upstream = upstream;
		}

		void pump(Socket from, Socket to) {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the other side or dropAll closed the connection
			}
			finally {
				close();
			}
		}

		void close() {
			closeQuietly(this.client);
			closeQuietly(this.upstream);
			SmtpProxy.this.open.remove(this);
		}

	}

}
