package id.go.jambiprov.dumisake.obstacle.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ObstacleRepository extends JpaRepository<Obstacle, Long> {
}
