package dev.camundahil.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.camundahil.web.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body to the HIL API larger than the limit with 413 before anything parses it. A declared
 * length is checked at once; a body of unknown length (chunked) is read up to the limit and handed on from memory.
 * The public pages are left alone: they decide their own limits.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final DataSize limit;

	private final HilPaths paths;

	private final ProblemWriter problems;

	/** @param limit the largest body let through */
	RequestBodyLimitFilter(DataSize limit, HilPaths paths, ProblemWriter problems) {
		this.limit = limit;
		this.paths = paths;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.paths.needsKey(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.limit.toBytes();
		long declared = request.getContentLengthLong();
		if (declared > max) {
			refuse(request, response);
			return;
		}
		if (declared >= 0) {
			// the container never hands on more than the declared length
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
		if (body.length > max) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
				"The request body is larger than the " + this.limit.toKilobytes() + " KB this API accepts");
	}

	/** A request whose body was already read into memory. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BytesInputStream(new ByteArrayInputStream(this.body));
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), charset));
		}

	}

	private static final class BytesInputStream extends ServletInputStream {

		private final InputStream in;

		BytesInputStream(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			return this.in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return this.in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			try {
				return this.in.available() == 0;
			}
			catch (IOException ex) {
				return true;
			}
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("The body was already read; it is not read asynchronously");
		}

	}

}
