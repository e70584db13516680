package dev.camundahil.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless {@code chromium} driven through its {@code chromium-driver}, for tests that look at the pages as a
 * person does. Every read waits and reads again when the page re-renders or navigates meanwhile, so that a test
 * never reads an element of the page it just left; a missing browser skips the test with the packages to install.
 */
public final class HeadlessChromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final Duration patience;

	private HeadlessChromium(WebDriver driver, Duration patience) {
		this.driver = driver;
		this.patience = patience;
	}

	/**
	 * Starts a browser, or skips the calling test where none is installed.
	 * @param patience how long a read waits for what it expects: only a page that never shows it should wait so long
	 * @param options arguments and preferences beyond the headless defaults, such as a language or a window size
	 */
	public static HeadlessChromium start(Duration patience, Consumer<ChromeOptions> options) {
		assumeTrue(Files.isExecutable(CHROMIUM),
				"Skipped: no Chromium at " + CHROMIUM + "; install Debian's chromium and chromium-driver packages");
		assumeTrue(Files.isExecutable(CHROMEDRIVER),
				"Skipped: no ChromeDriver at " + CHROMEDRIVER + "; install Debian's chromium-driver package");
		ChromeOptions chrome = new ChromeOptions();
		chrome.setBinary(CHROMIUM.toFile());
		chrome.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
		options.accept(chrome);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, chrome), patience);
	}

	public static HeadlessChromium start(Duration patience) {
		return start(patience, (chrome) -> {
		});
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void get(String url) {
		this.driver.get(url);
	}

	/** The first displayed element the locator finds, once there is one. */
	public WebElement waitFor(By locator) {
		return waiting().withMessage(() -> "waiting for " + locator + " in " + this.driver.getPageSource())
			.until((driver) -> driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst()
				.orElse(null));
	}

	public void waitUntil(String what, BooleanSupplier condition) {
		waiting().withMessage(() -> "waiting for " + what + " in " + this.driver.getPageSource())
			.until((driver) -> condition.getAsBoolean());
	}

	/** The stripped text of the first element the selector finds, once there is one. */
	public String text(String css) {
		return waiting().withMessage(() -> "waiting for " + css + " in " + this.driver.getPageSource())
			.until((driver) -> driver.findElements(By.cssSelector(css)).stream().findFirst()
				.map((element) -> element.getText().strip())
				.orElse(null));
	}

	/** The texts of all elements the selector finds now, none when there are none. */
	public List<String> texts(String css) {
		return waiting().until(
				(driver) -> driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
	}

	/** Waits until the element the selector finds contains the text. */
	public void waitForText(String css, String text) {
		waitUntil("\"" + text + "\" in " + css, () -> this.driver.findElements(By.cssSelector(css)).stream()
			.anyMatch((element) -> element.getText().contains(text)));
	}

	/** Types into the field the locator finds, once it shows. */
	public void type(By locator, String keys) {
		waitFor(locator).sendKeys(keys);
	}

	/** Clicks what the locator finds, trying again while a re-render replaces it. */
	public void click(By locator) {
		waitUntil("a click on " + locator, () -> {
			this.driver.findElement(locator).click();
			return true;
		});
	}

	/**
	 * Clicks a button that submits a form and waits for the page that answers it, so that what the test reads next is
	 * that page and not the form.
	 */
	public void submitWith(By button) {
		// a mark on the page's window, gone once another document has loaded in its place
		((JavascriptExecutor) this.driver).executeScript("window.hilTestPage = true;");
		this.driver.findElement(button).click();
		waiting().withMessage(() -> "waiting for the page that answers " + button)
			.until((driver) -> "complete".equals(script("return document.readyState;"))
					&& script("return window.hilTestPage === undefined;") == Boolean.TRUE);
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	/**
	 * A wait that reads again while the page changes under it: Chromium reports an element of a page being left as
	 * stale, or, mid-navigation, as a node that "does not belong to the document". What still fails at the end of
	 * the patience is reported with the last such error.
	 */
	private WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(this.driver, this.patience);
		wait.ignoring(WebDriverException.class);
		return wait;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
