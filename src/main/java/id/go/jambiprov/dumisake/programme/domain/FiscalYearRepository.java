package id.go.jambiprov.dumisake.programme.domain;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface FiscalYearRepository extends JpaRepository<FiscalYear, Integer> {

    /** Waits for, and then blocks, every writer of the year until the caller's transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select y from FiscalYear y where y.year = :year")
    Optional<FiscalYear> lockForUpdate(int year);
}
