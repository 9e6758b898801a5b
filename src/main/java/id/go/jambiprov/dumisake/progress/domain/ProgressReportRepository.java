package id.go.jambiprov.dumisake.progress.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    Optional<ProgressReport> findByAllocationIdAndMonth(long allocationId, int month);

    List<ProgressReport> findByAllocationIdOrderByMonthAsc(long allocationId);
}
