package id.go.jambiprov.dumisake.region;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/** After Flyway, the database holds all of Jambi as the Kemendagri data has it; the region module alone answers. */
@ApplicationModuleTest
class MasterDataTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegionService regions;

    @Test
    void holdsElevenKabupatenKota144KecamatanAnd1585Desa() {
        assertThat(count("select count(*) from kabupaten_kota")).isEqualTo(11);
        assertThat(count("select count(*) from kecamatan")).isEqualTo(144);
        assertThat(count("select count(*) from desa")).isEqualTo(1585);
        assertThat(count("select count(*) from desa where type = 'DESA'")).isEqualTo(1414);
        assertThat(count("select count(*) from desa where type = 'KELURAHAN'")).isEqualTo(171);
        assertThat(count("select count(*) from kabupaten_kota where type = 'KOTA'")).isEqualTo(2);
    }

    @Test
    void everyChildHasItsParent() {
        assertThat(count("""
                select count(*) from kecamatan c
                left join kabupaten_kota k on k.code = c.kabupaten_kota_code where k.code is null""")).isZero();
        assertThat(count("""
                select count(*) from desa d
                left join kecamatan c on c.code = d.kecamatan_code where c.code is null""")).isZero();
        assertThat(count("""
                select count(*) from kecamatan c
                where not exists (select 1 from desa d where d.kecamatan_code = c.code)""")).isZero();
    }

    @Test
    void loadsTheAgenciesThatRunDumisake() {
        assertThat(count("select count(*) from opd")).isEqualTo(23);
        assertThat(jdbc.queryForObject("select name from opd where code = 'DISDIK'", String.class))
                .isEqualTo("Dinas Pendidikan Provinsi Jambi");
    }

    @Test
    void summariesAddUpToTheProvince() {
        assertThat(regions.kabupatenKota()).hasSize(11);
        assertThat(regions.kabupatenKota().stream().mapToLong(KabupatenKotaSummary::kecamatanCount).sum())
                .isEqualTo(144);
        assertThat(regions.kabupatenKota().stream().mapToLong(KabupatenKotaSummary::desaCount).sum())
                .isEqualTo(1585);
        assertThat(regions.kabupatenKota("15.01"))
                .isEqualTo(new KabupatenKotaSummary("15.01", "Kabupaten Kerinci", "KABUPATEN", 18, 287));
    }

    @Test
    void searchTreatsWildcardsAsPlainText() {
        assertThat(regions.desa(null, null, "%", Pageable.unpaged())).isEmpty();
        assertThat(regions.desa(null, null, "_", Pageable.unpaged())).isEmpty();
        assertThat(regions.kecamatan(null, "' or 1=1 --", Pageable.unpaged()))
                .isEmpty();
        assertThat(regions.kecamatan(null, "gunung raya", Pageable.unpaged()))
                .extracting(KecamatanSummary::code).containsExactly("15.01.01");
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
