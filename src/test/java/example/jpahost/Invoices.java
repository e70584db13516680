package example.jpahost;

import org.springframework.data.jpa.repository.JpaRepository;

/** The application's own repository. */
interface Invoices extends JpaRepository<JpaHostApplication.Invoice, Long> {

}
