package id.go.jambiprov.dumisake.disbursement.domain;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface DisbursementRepository extends JpaRepository<Disbursement, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Disbursement d where d.id = :id")
    Optional<Disbursement> lockById(long id);

    Optional<Disbursement> findByRequestKey(String requestKey);

    boolean existsByFiscalYearAndSp2dNumberIgnoreCaseAndIdNot(int fiscalYear, String sp2dNumber, long id);
}
