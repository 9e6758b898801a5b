package id.go.jambiprov.dumisake.allocation.domain;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface AllocationRepository extends JpaRepository<Allocation, Long> {

    /** Reads the allocation as it is now and holds its row until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Allocation a where a.id = :id")
    Optional<Allocation> lockById(long id);

    /** As {@link #lockById} for several, locked in id order so that two such calls cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Allocation a where a.id in :ids order by a.id")
    List<Allocation> lockAllById(Collection<Long> ids);
}
