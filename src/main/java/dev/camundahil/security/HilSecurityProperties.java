package dev.camundahil.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * API keys, public paths and the request body limit of the HIL paths. The limits that actions and emails enforce
 * are under the same prefix, bound by those features.
 */
@ConfigurationProperties(prefix = "hil.security")
public class HilSecurityProperties {

	/**
	 * API keys accepted in the {@code X-API-Key} header of {@code /api/v1/**}: a comma-separated list of
	 * {@code name:key} or bare {@code key} entries (a bare key is named {@code key-<position>}). The name is recorded
	 * as the user of every change made with the key. When empty, a random key is generated at start and logged once
	 * at WARN.
	 */
	private List<String> apiKeys = new ArrayList<>();

	/**
	 * Paths of the pages humans open from links (chat page, email response pages, their static assets). They need no
	 * API key and check their own signed tokens; every other HIL path needs a key.
	 */
	private List<String> publicPaths = new ArrayList<>(List.of("/chat/**", "/respond/**", "/hil/**"));

	/** Largest request body the HIL API reads; a larger one is refused with 413 before it is parsed. */
	private DataSize maxRequestBodySize = DataSize.ofKilobytes(256);

	public List<String> getApiKeys() {
		return this.apiKeys;
	}

	public void setApiKeys(List<String> apiKeys) {
		this.apiKeys = apiKeys;
	}

	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public DataSize getMaxRequestBodySize() {
		return this.maxRequestBodySize;
	}

	public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
		this.maxRequestBodySize = maxRequestBodySize;
	}

}
