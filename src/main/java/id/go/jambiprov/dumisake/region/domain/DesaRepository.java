package id.go.jambiprov.dumisake.region.domain;

import id.go.jambiprov.dumisake.region.DesaSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

public interface DesaRepository extends JpaRepository<Desa, String> {

    @Query(value = """
            select new id.go.jambiprov.dumisake.region.DesaSummary(
                d.code, d.name, d.type, c.code, c.name, k.code, k.name)
            from Desa d
            join Kecamatan c on c.code = d.kecamatanCode
            join KabupatenKota k on k.code = c.kabupatenKotaCode
            where (:kabupatenKotaCode is null or c.kabupatenKotaCode = :kabupatenKotaCode)
              and (:kecamatanCode is null or d.kecamatanCode = :kecamatanCode)
              and (:pattern is null or lower(d.name) like :pattern escape '\\' or d.code like :pattern escape '\\')""",
            countQuery = """
            select count(d) from Desa d join Kecamatan c on c.code = d.kecamatanCode
            where (:kabupatenKotaCode is null or c.kabupatenKotaCode = :kabupatenKotaCode)
              and (:kecamatanCode is null or d.kecamatanCode = :kecamatanCode)
              and (:pattern is null or lower(d.name) like :pattern escape '\\' or d.code like :pattern escape '\\')""")
    Page<DesaSummary> search(String kabupatenKotaCode, String kecamatanCode, String pattern, Pageable pageable);

    @Query("""
            select new id.go.jambiprov.dumisake.region.DesaSummary(
                d.code, d.name, d.type, c.code, c.name, k.code, k.name)
            from Desa d
            join Kecamatan c on c.code = d.kecamatanCode
            join KabupatenKota k on k.code = c.kabupatenKotaCode
            where d.code in :codes""")
    List<DesaSummary> summaries(Collection<String> codes);
}
