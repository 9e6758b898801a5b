package id.go.jambiprov.dumisake.region.domain;

import id.go.jambiprov.dumisake.region.KecamatanSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface KecamatanRepository extends JpaRepository<Kecamatan, String> {

    @Query(value = """
            select new id.go.jambiprov.dumisake.region.KecamatanSummary(
                c.code, c.name, k.code, k.name, count(d.code))
            from Kecamatan c
            join KabupatenKota k on k.code = c.kabupatenKotaCode
            left join Desa d on d.kecamatanCode = c.code
            where (:kabupatenKotaCode is null or c.kabupatenKotaCode = :kabupatenKotaCode)
              and (:pattern is null or lower(c.name) like :pattern escape '\\' or c.code like :pattern escape '\\')
            group by c.code, c.name, k.code, k.name""",
            countQuery = """
            select count(c) from Kecamatan c
            where (:kabupatenKotaCode is null or c.kabupatenKotaCode = :kabupatenKotaCode)
              and (:pattern is null or lower(c.name) like :pattern escape '\\' or c.code like :pattern escape '\\')""")
    Page<KecamatanSummary> search(String kabupatenKotaCode, String pattern, Pageable pageable);

    @Query("""
            select new id.go.jambiprov.dumisake.region.KecamatanSummary(
                c.code, c.name, k.code, k.name, (select count(d) from Desa d where d.kecamatanCode = c.code))
            from Kecamatan c
            join KabupatenKota k on k.code = c.kabupatenKotaCode
            where c.code = :code""")
    Optional<KecamatanSummary> summary(String code);
}
