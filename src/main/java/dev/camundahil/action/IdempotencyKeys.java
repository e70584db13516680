package dev.camundahil.action;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code Idempotency-Key}s responses came with, and a hash of the request each one first carried.
 */
class IdempotencyKeys {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The hash recorded for this key on this action, if the key was used before. */
	Optional<String> recordedHash(UUID actionId, String key) {
		List<String> hashes = this.jdbc.queryForList(
				"SELECT request_hash FROM action_idempotency_key WHERE action_id = ? AND idem_key = ?", String.class,
				actionId, key);
		return hashes.stream().findFirst();
	}

	void record(UUID actionId, String key, String hash) {
		this.jdbc.update(
				"INSERT INTO action_idempotency_key (action_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)",
				actionId, key, hash, Timestamp.from(Timestamps.now()));
	}

	String hash(ResponseCommand command) {
		try {
			// a comment joins the hash only when given, so that keys recorded before comments existed still match
			Object[] request = (command.comment() != null)
					? new Object[] { command.value(), command.respondedBy(), command.comment() }
					: new Object[] { command.value(), command.respondedBy() };
			byte[] body = this.json.writeValueAsBytes(request);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot hash the response for its idempotency key", ex);
		}
	}


}
