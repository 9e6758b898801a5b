package id.go.jambiprov.dumisake.poverty.domain;

import id.go.jambiprov.dumisake.poverty.Period;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface PovertyFigureRepository extends JpaRepository<PovertyFigure, Long> {

    List<PovertyFigure> findByRegionCodeAndYearAndPeriodOrderById(String regionCode, int year, Period period);
}
