package dev.camundahil.action;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work that records an answer in a transaction in which the waiting process instance resumes, as every answer
 * does. When resuming throws (a later step of the process fails), that transaction is rolled back and the work runs
 * once more in a new one in which the instance is not resumed: the answer commits with a {@code resume_failed}
 * audit entry, and a job of the process engine resumes the instance later. A process that keeps failing so ends in
 * an incident an operator can retry, as with {@code asyncAfter}, and the answer is never lost. The usual path costs
 * nothing extra.
 * <p>
 * Work called inside a transaction of its caller joins it and is not run again: there, the caller's transaction
 * decides.
 */
public class AnswerTransaction {

	private static final Logger log = LoggerFactory.getLogger(AnswerTransaction.class);

	private final TransactionTemplate transaction;

	/** While the work runs again to resume later: why resuming failed. */
	private final ThreadLocal<String> resumeFailure = new ThreadLocal<>();

	AnswerTransaction(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
	}

	public <T> T run(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		try {
			return inTransaction(work);
		}
		catch (ProcessResumeException ex) {
			String error = FailureMessage.of(ex.getCause());
			log.warn("{}; the answer is recorded again, and a job of the process engine resumes the instance",
					ex.getMessage());
			this.resumeFailure.set(error);
			try {
				return inTransaction(work);
			}
			finally {
				this.resumeFailure.remove();
			}
		}
	}

	/** Runs the work in a new transaction that a refused answer commits, so that the refusal's audit entry stays. */
	private <T> T inTransaction(Supplier<T> work) {
		InvalidResponseException[] refusal = new InvalidResponseException[1];
		T result = this.transaction.execute((status) -> {
			try {
				return work.get();
			}
			catch (InvalidResponseException ex) {
				refusal[0] = ex;
				return null;
			}
		});
		if (refusal[0] != null) {
			throw refusal[0];
		}
		return result;
	}

	/** Why the process failed to resume while the work runs again, or null when it runs as usual. */
	String resumeFailure() {
		return this.resumeFailure.get();
	}

}
