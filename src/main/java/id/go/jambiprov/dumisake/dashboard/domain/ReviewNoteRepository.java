package id.go.jambiprov.dumisake.dashboard.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewNoteRepository extends JpaRepository<ReviewNote, Long> {
}
