package id.go.jambiprov.dumisake.opd.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OpdRepository extends JpaRepository<Opd, String> {
}
