package id.go.jambiprov.dumisake.beneficiary.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo beneficiaries of the default profile: ten clearly synthetic people ("Penerima Sintetis …") with
 * valid-shaped NIKs in each of the first ten 2026 BELANJA_OPD allocations of DISDIK, DINKES and DPUPR,
 * each living in a desa of the allocation's kecamatan and with one aid record under it. Deterministic
 * (derived from the allocation ids), written in SQL.
 */
@Component
@Profile("!prod")
@Order(30)
class DemoBeneficiaries implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    DemoBeneficiaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from beneficiary", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.execute(PEOPLE);
        jdbc.update("""
                insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address, welfare_decile, created_by,
                                         registered_opd)
                select nik, name, sex, born, desa_code, address, decile, operator, opd_code from demo_people
                on conflict (nik) do nothing""");
        jdbc.update("""
                insert into aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code, amount,
                                 description, aid_date, created_by)
                select b.id, p.nik, p.allocation_id, p.programme_code, 2026, p.opd_code, p.amount, p.description,
                       p.aid_date, p.operator
                from demo_people p join beneficiary b on b.nik = p.nik and b.name = p.name
                on conflict do nothing""");
        jdbc.update("""
                insert into public.audit_event (username, action, entity_type, entity_id, after_state)
                select 'system', 'BENEFICIARY_DEMO_LOADED', 'Beneficiary', b.id::text,
                       jsonb_build_object('nik', %s, 'name', b.name, 'desaCode', b.desa_code)
                from beneficiary b""".formatted(Nik.maskSql("b.nik")));
        jdbc.execute("drop table demo_people");
    }

    private static final String PEOPLE = """
            create temporary table demo_people as
            select c.id as allocation_id, c.programme_code, c.opd_code, 'op-' || lower(c.opd_code) as operator,
                   '15' || substr(c.kecamatan_code, 4, 2) || substr(c.kecamatan_code, 7, 2)
                       || lpad((1 + (c.id + g.n) % 28 + case when g.n % 2 = 0 then 40 else 0 end)::text, 2, '0')
                       || lpad((1 + (c.id * 7 + g.n) % 12)::text, 2, '0')
                       || lpad((70 + (c.id + g.n * 3) % 30)::text, 2, '0')
                       || lpad((8000 + (c.id % 99) * 10 + g.n)::text, 4, '0') as nik,
                   'Penerima Sintetis ' || c.opd_code || ' ' || c.id || '-' || g.n as name,
                   case when g.n % 2 = 0 then 'F' else 'M' end as sex,
                   make_date((1970 + (c.id + g.n * 3) % 30)::int, (1 + (c.id * 7 + g.n) % 12)::int, (1 + (c.id + g.n) % 28)::int) as born,
                   (select d.code from desa d where d.kecamatan_code = c.kecamatan_code
                    order by md5(d.code || g.n) limit 1) as desa_code,
                   'Alamat sintetis No. ' || g.n as address,
                   (1 + (c.id + g.n) % 6)::int as decile,
                   (500000 + (g.n % 4) * 250000)::numeric(18, 2) as amount,
                   case c.opd_code when 'DPUPR' then 'Bahan bangunan bedah rumah'
                                   when 'DISDIK' then 'Seragam dan perlengkapan sekolah' end as description,
                   make_date(2026, 1 + g.n % 10, (1 + (c.id + g.n) % 27)::int) as aid_date
            from (select a.*, row_number() over (partition by a.opd_code order by a.id) as rn
                  from allocation a
                  where a.fiscal_year = 2026 and a.status = 'ACTIVE' and a.mechanism = 'BELANJA_OPD'
                    and a.opd_code in ('DISDIK', 'DINKES', 'DPUPR') and a.amount >= 50000000) c
            cross join generate_series(1, 10) g(n)
            where c.rn <= 10""";
}
