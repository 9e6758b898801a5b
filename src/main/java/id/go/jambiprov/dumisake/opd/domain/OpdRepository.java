package id.go.jambiprov.dumisake.opd.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface OpdRepository extends JpaRepository<Opd, String> {

    List<Opd> findAllByOrderByCode();
}
