package example.jpahost;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Camunda Spring Boot application with JPA entities and repositories of its own, its tables made by its own
 * Flyway migrations and checked by Hibernate ({@code spring.jpa.hibernate.ddl-auto=validate}).
 */
@SpringBootApplication
public class JpaHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(JpaHostApplication.class, args);
	}

	@Entity
	@Table(name = "invoice")
	public static class Invoice {

		@Id
		private Long id;

		private String customer;

		public String getCustomer() {
			return this.customer;
		}

	}

	@RestController
	static class InvoiceController {

		private final Invoices invoices;

		InvoiceController(Invoices invoices) {
			this.invoices = invoices;
		}

		@GetMapping("/invoices/count")
		long count() {
			return this.invoices.count();
		}

	}

}
