package dev.camundahil.selfcheck;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;

import dev.camundahil.links.SignedTokens;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers a ping through the address links point to with the nonce signed by the links key, which every node of
 * this application's cluster shares: an answer that verifies came from this cluster, not from another application
 * behind the same address.
 */
@RestController
@Hidden
class LinkPingController {

	static final String PATH = "/hil/ping";

	static final String PURPOSE = "hil-ping";

	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

	private final SignedTokens tokens;

	LinkPingController(SignedTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> ping(@RequestParam(required = false) String nonce) {
		if (nonce == null || !NONCE.matcher(nonce).matches()) {
			return ResponseEntity.badRequest().body("nonce: 16 to 128 letters, digits, '-' or '_'");
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.tokens.issue(PURPOSE, nonce, Instant.now().plus(Duration.ofMinutes(5))));
	}

}
