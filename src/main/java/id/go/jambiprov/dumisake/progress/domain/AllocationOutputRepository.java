package id.go.jambiprov.dumisake.progress.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface AllocationOutputRepository extends JpaRepository<AllocationOutput, Long> {

    List<AllocationOutput> findByAllocationIdOrderByPositionAscIdAsc(long allocationId);
}
