package id.go.jambiprov.dumisake.monev.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MonevSettingRepository extends JpaRepository<MonevSetting, Integer> {
}
