package id.go.jambiprov.dumisake.programme.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ProgrammeRepository extends JpaRepository<Programme, String> {

    List<Programme> findAllByOrderByPillarAscCodeAsc();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndCodeNot(String name, String code);
}
