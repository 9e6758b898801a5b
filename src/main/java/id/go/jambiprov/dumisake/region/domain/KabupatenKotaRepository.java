package id.go.jambiprov.dumisake.region.domain;

import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface KabupatenKotaRepository extends JpaRepository<KabupatenKota, String> {

    @Query("""
            select new id.go.jambiprov.dumisake.region.KabupatenKotaSummary(
                k.code, k.name, cast(k.type as string), count(distinct c.code), count(d.code))
            from KabupatenKota k
            left join Kecamatan c on c.kabupatenKotaCode = k.code
            left join Desa d on d.kecamatanCode = c.code
            group by k.code, k.name, k.type
            order by k.code""")
    List<KabupatenKotaSummary> summaries();
}
