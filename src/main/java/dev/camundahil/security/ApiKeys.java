package dev.camundahil.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys the HIL API accepts, each with the name that is recorded as the user of what the key does. Only
 * SHA-256 hashes of the keys are kept; a presented key is compared with every one of them in constant time, so
 * neither the timing of a match nor its position tells an attacker anything.
 */
public final class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	/** Keys shorter than this are accepted but reported, as they can be guessed. */
	static final int RECOMMENDED_LENGTH = 16;

	private final List<Entry> entries;

	private ApiKeys(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * The keys of a {@code hil.security.api-keys} setting: entries {@code name:key} or a bare {@code key}, which is
	 * named {@code key-<position>}. Blank entries are skipped.
	 * @throws IllegalArgumentException an entry without a key, or a name or key given twice
	 */
	public static ApiKeys parse(List<String> settings) {
		List<Entry> entries = new ArrayList<>();
		Set<String> names = new HashSet<>();
		Set<String> hashes = new HashSet<>();
		int position = 0;
		for (String setting : settings) {
			position++;
			if (setting == null || setting.isBlank()) {
				continue;
			}
			String text = setting.strip();
			int colon = text.indexOf(':');
			String name = (colon >= 0) ? text.substring(0, colon).strip() : "key-" + position;
			String key = (colon >= 0) ? text.substring(colon + 1).strip() : text;
			if (name.isEmpty() || key.isEmpty()) {
				throw new IllegalArgumentException("hil.security.api-keys entry " + position
						+ " must be 'name:key' or a bare key, with neither part empty");
			}
			if (!names.add(name)) {
				throw new IllegalArgumentException("hil.security.api-keys names '" + name + "' twice");
			}
			byte[] hash = sha256(key);
			if (!hashes.add(Base64.getEncoder().encodeToString(hash))) {
				throw new IllegalArgumentException(
						"hil.security.api-keys holds the key of '" + name + "' twice; every key must be different");
			}
			if (key.length() < RECOMMENDED_LENGTH) {
				log.warn("API key '{}' is shorter than {} characters and can be guessed; use a long random key", name,
						RECOMMENDED_LENGTH);
			}
			entries.add(new Entry(name, hash));
		}
		return new ApiKeys(entries);
	}

	/**
	 * The keys of the setting, or, when it names none, one random key generated for this run and logged once, so
	 * that the API never runs open.
	 */
	public static ApiKeys configuredOrGenerated(List<String> settings) {
		ApiKeys keys = parse(settings);
		if (!keys.entries.isEmpty()) {
			log.info("HIL API accepts {} API key(s): {}", keys.entries.size(), keys.names());
			return keys;
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		log.warn("""
				No API key is configured for the HIL API; generated one for this run only:
				    X-API-Key: {}
				  Set your own with hil.security.api-keys=name:key (comma-separated for more than one); \
				this key changes at every start.""", key);
		return new ApiKeys(List.of(new Entry("generated", sha256(key))));
	}

	/** The name of the presented key, or empty when it is none of the configured keys. */
	public Optional<String> nameOf(String presented) {
		if (presented == null || presented.isEmpty()) {
			return Optional.empty();
		}
		byte[] hash = sha256(presented);
		String found = null;
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(entry.hash(), hash)) {
				found = entry.name();
			}
		}
		return Optional.ofNullable(found);
	}

	/** The names of the keys, in their configured order; never the keys. */
	public List<String> names() {
		return this.entries.stream().map(Entry::name).toList();
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private record Entry(String name, byte[] hash) {
	}

}
