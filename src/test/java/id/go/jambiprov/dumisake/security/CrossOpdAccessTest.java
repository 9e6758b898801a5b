package id.go.jambiprov.dumisake.security;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An operator who changes an id in a URL or a body to reach another OPD's record gets 404, exactly as
 * for a record that does not exist — for every OPD-owned record type, listed in {@link #RECORD_TYPES}.
 * <p>
 * To cover a new record type, add one entry: how to create a record owned by an OPD (returning its id)
 * and the requests that take its id, e.g. for allocations {@code GET /alokasi/{id}},
 * {@code GET /api/v1/allocations/{id}}, {@code POST /alokasi/{id}/batalkan} and a disbursement body that
 * names the allocation. The sample type below is a stand-in that goes through the same {@link OpdScope}
 * check and the same 404 handlers as the real ones will, so the mechanism is proven before they exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CrossOpdAccessTest.SampleRecords.class)
class CrossOpdAccessTest {

    record Call(HttpMethod method, String urlTemplate, String jsonBodyTemplate) {

        static Call get(String urlTemplate) {
            return new Call(HttpMethod.GET, urlTemplate, null);
        }

        static Call post(String urlTemplate, String jsonBodyTemplate) {
            return new Call(HttpMethod.POST, urlTemplate, jsonBodyTemplate);
        }
    }

    /** An OPD-owned record type: {@code create} makes a record of the given OPD and returns its id. */
    record RecordType(String name, Function<CrossOpdAccessTest, Object> create, List<Call> calls) {
    }

    static final List<RecordType> RECORD_TYPES = List.of(
            new RecordType("sample record", test -> test.samples.create("DISDIK"), List.of(
                    Call.get("/api/v1/test-opd-records/{id}"),
                    Call.post("/api/v1/test-opd-records/remarks", "{\"recordId\": {id}, \"text\": \"x\"}"))),
            new RecordType("allocation", test -> test.demoRecord("select id from allocation where opd_code = 'DISDIK'"),
                    List.of(Call.get("/alokasi/{id}"), Call.get("/api/v1/allocations/{id}"),
                            Call.get("/alokasi/{id}/pencairan"), Call.get("/api/v1/allocations/{id}/disbursements"))),
            new RecordType("disbursement", test -> test.demoRecord("select d.id from disbursement d"
                    + " join allocation a on a.id = d.allocation_id where a.opd_code = 'DISDIK'"),
                    List.of(Call.get("/pencairan/{id}"), Call.get("/api/v1/disbursements/{id}"))),
            // aid records are reached through their allocation: the allocation of a DISDIK aid record
            new RecordType("aid record", CrossOpdAccessTest::disdikAidAllocation,
                    List.of(Call.get("/alokasi/{id}/bantuan"), Call.get("/api/v1/allocations/{id}/aid"))),
            // output targets and progress reports are reached through their allocation
            new RecordType("monitoring of an allocation", test -> test.demoRecord("select allocation_id from"
                    + " progress_report r join allocation a on a.id = r.allocation_id where a.opd_code = 'DISDIK'"),
                    List.of(Call.get("/alokasi/{id}/kemajuan"), Call.get("/alokasi/{id}/keluaran"),
                            Call.get("/alokasi/{id}/kemajuan/ringkasan"), Call.get("/api/v1/allocations/{id}/outputs"),
                            Call.get("/api/v1/allocations/{id}/progress-reports"))));

    @Autowired
    MockMvc mvc;

    @Autowired
    SampleRecords samples;

    @Autowired
    JdbcTemplate jdbc;

    /** A record of the demo data (default profile), found by {@code sql}. */
    private Object demoRecord(String sql) {
        return jdbc.queryForObject(sql + " order by 1 limit 1", Long.class);
    }

    /** A DISDIK BELANJA_OPD allocation holding an aid record (made here when the demo data has none). */
    private Object disdikAidAllocation() {
        Long allocation = jdbc.queryForObject("select id from allocation where opd_code = 'DISDIK'"
                + " and mechanism = 'BELANJA_OPD' and status = 'ACTIVE' order by id limit 1", Long.class);
        if (jdbc.queryForObject("select count(*) from aid where allocation_id = ?", Integer.class, allocation) == 0) {
            String desa = jdbc.queryForObject("select d.code from desa d join allocation a"
                    + " on a.kecamatan_code = d.kecamatan_code where a.id = ? order by d.code limit 1", String.class,
                    allocation);
            String nik = "1501014107" + (90 + allocation % 9) + "9999";
            jdbc.update("insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address, created_by)"
                    + " values (?, 'Penerima Uji Lintas OPD', 'F', date '1990-07-01', ?, '-', 'test')"
                    + " on conflict do nothing", nik, desa);
            jdbc.update("insert into aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code,"
                    + " amount, aid_date, created_by) select b.id, b.nik, a.id, a.programme_code, a.fiscal_year,"
                    + " a.opd_code, 1, make_date(a.fiscal_year, 1, 2), 'test' from beneficiary b, allocation a"
                    + " where b.nik = ? and a.id = ? on conflict do nothing", nik, allocation);
        }
        return allocation;
    }

    @Test
    void anotherOpdsOperatorGets404ForEveryRecordType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (RecordType type : RECORD_TYPES) {
            Object disdikRecord = type.create().apply(this);
            for (Call call : type.calls()) {
                int status = perform(call, disdikRecord, SignedIn.OPERATOR_DINKES).getStatus();
                if (status != 404) {
                    leaks.add(type.name() + ": " + call.method() + " " + call.urlTemplate() + " answered " + status);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theOwningOpdsOperatorAndAnAdminReachTheRecord() throws Exception {
        for (RecordType type : RECORD_TYPES) {
            Object disdikRecord = type.create().apply(this);
            for (Call call : type.calls()) {
                assertThat(perform(call, disdikRecord, SignedIn.OPERATOR_DISDIK).getStatus()).as(call.toString())
                        .isLessThan(300);
                assertThat(perform(call, disdikRecord, SignedIn.ADMIN).getStatus()).as(call.toString())
                        .isLessThan(300);
            }
        }
    }

    @Test
    void theRefusalLooksLikeARecordThatDoesNotExist() throws Exception {
        Object disdikRecord = samples.create("DISDIK");
        MockHttpServletResponse otherOpd = perform(Call.get("/api/v1/test-opd-records/{id}"), disdikRecord,
                SignedIn.OPERATOR_DINKES);
        MockHttpServletResponse missing = perform(Call.get("/api/v1/test-opd-records/{id}"), 999_999,
                SignedIn.OPERATOR_DINKES);
        assertThat(otherOpd.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(otherOpd.getContentAsString().replace(disdikRecord.toString(), "ID"))
                .isEqualTo(missing.getContentAsString().replace("999999", "ID"));
    }

    private MockHttpServletResponse perform(Call call, Object id, DumisakeUser as)
            throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(call.method(),
                call.urlTemplate().replace("{id}", id.toString())).with(user(as)).with(csrf());
        if (call.jsonBodyTemplate() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(call.jsonBodyTemplate().replace("{id}", id.toString()));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** A stand-in OPD-owned record type, loaded by id and checked with {@link OpdScope} like the real ones. */
    @TestConfiguration
    @RestController
    static class SampleRecords {

        private final AtomicLong ids = new AtomicLong(1000);
        private final Map<Long, String> ownerById = new ConcurrentHashMap<>();

        long create(String opdCode) {
            long id = ids.incrementAndGet();
            ownerById.put(id, opdCode);
            return id;
        }

        @GetMapping("/api/v1/test-opd-records/{id}")
        Map<String, Object> get(@PathVariable long id) {
            return Map.of("id", id, "opd", load(id));
        }

        @PostMapping("/api/v1/test-opd-records/remarks")
        Map<String, Object> remark(@RequestBody Remark remark) {
            load(remark.recordId());
            return Map.of("recordId", remark.recordId(), "text", remark.text());
        }

        private String load(long id) {
            String owner = ownerById.get(id);
            if (owner == null) {
                throw new NotFoundException("account.notFound", String.valueOf(id));
            }
            OpdScope.check(owner, () -> new NotFoundException("account.notFound", String.valueOf(id)));
            return owner;
        }

        record Remark(long recordId, String text) {
        }
    }
}
