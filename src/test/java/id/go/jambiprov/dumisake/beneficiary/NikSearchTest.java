package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.account.internal.AccountService;
import id.go.jambiprov.dumisake.account.internal.NewAccount;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryView;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportResult;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.beneficiary.internal.NikSearchSettings;
import id.go.jambiprov.dumisake.beneficiary.internal.RecordedAid;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.AID_DATE;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.expert;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.person;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The NIK oracle of issue 19: a masked NIK shown with date of birth, sex and desa gave away digits 5–12, and
 * the exact NIK search answered every role, unthrottled and unaudited, so that about a hundred searches gave
 * the full NIK of another OPD's beneficiary. Each test replays a step of that attack and shows it fails now.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NikSearchTest {

    static final DumisakeUser OP_DISDIK = operator("DISDIK");

    @Autowired
    MockMvc mvc;

    @Autowired
    BeneficiaryService beneficiaries;

    @Autowired
    AidService aidService;

    @Autowired
    BeneficiaryQueries people;

    @Autowired
    AccountService accounts;

    @Autowired
    AllocationService allocations;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NikSearchSettings limit;

    @Autowired
    BeneficiaryImportService imports;

    @Autowired
    MessageSource messages;

    @Test
    void theExpertTeamMayNotSearchByNikOnTheApiNorOnThePage() throws Exception {
        BeneficiaryView registered = registeredByDisdik();

        MockHttpServletResponse api = mvc.perform(get("/api/v1/beneficiaries").param("nik", registered.nik())
                .with(httpBasic("ahli", "dumisake"))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(registered.name());

        assertThat(mvc.perform(get("/penerima").param("nik", registered.nik()).with(user(SignedIn.EXPERT)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        MockHttpServletResponse byName = mvc.perform(get("/penerima").param("name", registered.name())
                .with(user(SignedIn.EXPERT))).andReturn().getResponse();
        assertThat(byName.getStatus()).isEqualTo(200);
        assertThat(byName.getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("id=\"search-nik\"").contains(registered.name()).contains(Nik.mask(registered.nik()));
        assertThatThrownBy(() -> as(expert(), () -> beneficiaries.checkNik(registered.nik())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOperatorOfAnotherOpdLearnsThatTheNikIsRegisteredAndNothingElse() throws Exception {
        BeneficiaryView registered = registeredByDisdik();

        String answer = mvc.perform(get("/api/v1/beneficiaries").param("nik", registered.nik())
                        .with(httpBasic("op-dinkes", "dumisake")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).isEqualTo("{\"nik\":\"%s\",\"registered\":true,\"beneficiary\":null}"
                .formatted(Nik.mask(registered.nik())));
        String unregistered = mvc.perform(get("/api/v1/beneficiaries").param("nik", freshNik())
                        .with(httpBasic("op-dinkes", "dumisake")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unregistered).contains("\"registered\":false");

        String page = mvc.perform(get("/penerima").param("nik", registered.nik()).with(user(SignedIn.OPERATOR_DINKES)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"nik-check\"").contains("sudah terdaftar")
                .doesNotContain(registered.name()).doesNotContain(registered.desaName())
                .doesNotContain("/penerima/" + registered.id() + "\"");

        // the registering OPD still sees its own person, and checking before recording aid still works
        String own = mvc.perform(get("/api/v1/beneficiaries").param("nik", registered.nik())
                        .with(httpBasic("op-disdik", "dumisake")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("\"nik\":\"" + registered.nik() + "\"").contains(registered.name());
    }

    @Test
    void theSearchAfterTheLimitIsRefusedWith429OnTheApiAndThePage() throws Exception {
        DumisakeUser searcher = freshOperatorAccount();
        for (int search = 1; search <= limit.maxPerAccount(); search++) {
            assertThat(mvc.perform(get("/api/v1/beneficiaries").param("nik", freshNik()).with(user(searcher)))
                    .andReturn().getResponse().getStatus()).as("search %d", search).isEqualTo(200);
        }

        MockHttpServletResponse refused = mvc.perform(get("/api/v1/beneficiaries").param("nik", freshNik())
                .with(user(searcher))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"NIK_SEARCH_LIMIT\"")
                .contains("Batas pencarian NIK tercapai: paling banyak %d pencarian dalam 10 menit per akun"
                        .formatted(limit.maxPerAccount()));
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 600);

        MockHttpServletResponse page = mvc.perform(get("/penerima").param("nik", freshNik()).with(user(searcher)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"nik-search-error\"")
                .contains("Batas pencarian NIK tercapai");

        assertThat(events(searcher, "NIK_SEARCHED")).hasSize(limit.maxPerAccount());
        // the first refusal of the window is audited, the ones after it are not
        assertThat(events(searcher, "NIK_SEARCH_LIMIT_REACHED")).hasSize(1);
        // another account is not held back by this one
        assertThat(mvc.perform(get("/api/v1/beneficiaries").param("nik", freshNik())
                .with(httpBasic("admin", "dumisake"))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void anAccountGetsThirtySearchesInTenMinutesUnlessConfiguredOtherwise() {
        NikSearchSettings defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("dumisake.nik-search", NikSearchSettings.class);
        assertThat(defaults.maxPerAccount()).isEqualTo(30);
        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everySearchLeavesAnAuditEventWithTheMaskedNikOnly() {
        BeneficiaryView registered = registeredByDisdik();
        String unregistered = freshNik();
        DumisakeUser searcher = operator("DINKES", "cari-" + ThreadLocalRandom.current().nextInt(1_000_000));

        as(searcher, () -> beneficiaries.checkNik(registered.nik()));
        as(searcher, () -> beneficiaries.checkNik(unregistered));

        List<Map<String, Object>> searches = events(searcher, "NIK_SEARCHED");
        assertThat(searches).extracting(e -> e.get("nik"))
                .containsExactly(Nik.mask(registered.nik()), Nik.mask(unregistered));
        assertThat(searches).extracting(e -> e.get("entity_id"))
                .containsExactly(String.valueOf(registered.id()), null);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and "
                        + "(after_state::text like ? or after_state::text like ?)", Integer.class,
                searcher.getUsername(), "%" + registered.nik() + "%", "%" + unregistered + "%")).isZero();
    }

    @Test
    void aMaskedViewShowsTheYearOfBirthOnly() throws Exception {
        BeneficiaryView registered = registeredByDisdik();

        BeneficiaryView seenByDinkes = as(operator("DINKES"), () -> beneficiaries.get(registered.id()));
        assertThat(seenByDinkes.nik()).isEqualTo(Nik.mask(registered.nik()));
        assertThat(seenByDinkes.dateOfBirth()).isNull();
        assertThat(seenByDinkes.birthYear()).isEqualTo(1990);
        assertThat(as(OP_DISDIK, () -> people.searchByName(registered.name(), PageRequest.of(0, 10)).getContent()))
                .allSatisfy(b -> assertThat(b.dateOfBirth()).isNull());

        String page = mvc.perform(get("/penerima/{id}", registered.id()).with(user(SignedIn.OPERATOR_DINKES)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"beneficiary-born\">1990</dd>").contains(Nik.mask(registered.nik()))
                .doesNotContain("Juli 1990").doesNotContain("07/1990").doesNotContain("1990-07-01");
        String ownPage = mvc.perform(get("/penerima/{id}", registered.id()).with(user(SignedIn.OPERATOR_DISDIK)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ownPage).contains(registered.nik()).doesNotContain("id=\"beneficiary-born\">1990</dd>");

        // the audit trail shows the masked NIK too, so it keeps the year of birth only
        assertThat(jdbc.queryForObject("""
                        select after_state::text from audit_event
                        where action = 'BENEFICIARY_CREATED' and entity_id = ?""", String.class,
                String.valueOf(registered.id()))).contains("\"birthYear\": 1990").doesNotContain("1990-07-01");
    }

    @Test
    void theDemoPeopleCameByImportsWhoseAuditNamesNoNik() {
        String imports = """
                select count(*) from audit_event e
                where e.action = 'BENEFICIARIES_IMPORTED' and e.after_state->>'file' like 'penerima-sintetis-%'""";
        assertThat(jdbc.queryForObject(imports, Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject(imports + " and e.after_state::text ~ '[0-9]{16}'", Integer.class)).isZero();
    }

    @Test
    void aRefusedAidRecordIsANikSearchTooAndNamesNoDesa() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, BeneficiaryTestSupport.YEAR);
        AllocationView dinkes = allocation(allocations, place.kecamatan(), "DINKES", programme(programmes, null).code(),
                new BigDecimal("10000000.00"));
        BeneficiaryView elsewhere = registeredByDisdik(place.kecamatan());
        DumisakeUser recorder = operator("DINKES", "catat-" + ThreadLocalRandom.current().nextInt(1_000_000));
        BigDecimal amount = new BigDecimal("100000.00");

        assertThatThrownBy(() -> as(recorder, () -> aidService.recordAid(dinkes.id(),
                new NewAid(freshNik(), amount, AID_DATE, null))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("BENEFICIARY_UNKNOWN"));
        assertThatThrownBy(() -> as(recorder, () -> aidService.recordAid(dinkes.id(),
                new NewAid(elsewhere.nik(), amount, AID_DATE, null))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("DESA_OUTSIDE_KECAMATAN");
                    assertThat(e.arguments()).doesNotContain(elsewhere.desaName());
                });
        assertThat(events(recorder, "NIK_SEARCHED")).hasSize(2);

        for (int search = 3; search <= limit.maxPerAccount(); search++) {
            as(recorder, () -> beneficiaries.checkNik(freshNik()));
        }
        assertThatThrownBy(() -> as(recorder, () -> aidService.recordAid(dinkes.id(),
                new NewAid(freshNik(), amount, AID_DATE, null)))).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> as(recorder, () -> aidService.recordAid(dinkes.id(),
                new NewAid(elsewhere.nik(), amount, AID_DATE, null)))).isInstanceOf(TooManyRequestsException.class);
    }

    /** Searches used up hold back only the answers that tell whether a NIK is registered, never the work. */
    @Test
    void anOperatorWhoUsedUpTheSearchesStillRegistersPeopleAndRecordsAid() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, BeneficiaryTestSupport.YEAR);
        AllocationView dinkes = allocation(allocations, place.kecamatan(), "DINKES", programme(programmes, null).code(),
                new BigDecimal("10000000.00"));
        DumisakeUser operator = operator("DINKES", "kerja-" + ThreadLocalRandom.current().nextInt(1_000_000));
        for (int search = 1; search <= limit.maxPerAccount(); search++) {
            as(operator, () -> beneficiaries.checkNik(freshNik()));
        }
        assertThatThrownBy(() -> as(operator, () -> beneficiaries.checkNik(freshNik())))
                .isInstanceOf(TooManyRequestsException.class);

        BeneficiaryView registered = as(operator, () -> beneficiaries.register(person(freshNik(), place.desa(), 2)));
        RecordedAid recorded = as(operator, () -> aidService.recordAid(dinkes.id(),
                new NewAid(registered.nik(), new BigDecimal("100000.00"), AID_DATE, null)));
        assertThat(recorded.aid().beneficiaryId()).isEqualTo(registered.id());
        // a refusal about the OPD's own person tells the operator nothing new: no search, no 429
        assertThatThrownBy(() -> as(operator, () -> aidService.recordAid(dinkes.id(),
                new NewAid(registered.nik(), new BigDecimal("100000.00"), AID_DATE, null))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("DOUBLE_RECEIPT"));
        assertThatThrownBy(() -> as(operator, () -> beneficiaries.register(person(registered.nik(), place.desa(), 2))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("BENEFICIARY_EXISTS"));
        assertThat(events(operator, "NIK_SEARCHED")).hasSize(limit.maxPerAccount());
    }

    @Test
    void registeringANikThatIsRegisteredAlreadyIsANikSearchToo() {
        BeneficiaryView registered = registeredByDisdik();
        DumisakeUser registrar = operator("DINKES", "daftar-" + ThreadLocalRandom.current().nextInt(1_000_000));

        assertThatThrownBy(() -> as(registrar, () -> beneficiaries.register(person(registered.nik(),
                registered.desaCode(), 2)))).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo("BENEFICIARY_EXISTS"));
        as(registrar, () -> beneficiaries.register(person(freshNik(), registered.desaCode(), 2)));

        assertThat(events(registrar, "NIK_SEARCHED")).extracting(e -> e.get("nik"))
                .containsExactly(Nik.mask(registered.nik()));
        for (int search = 2; search <= limit.maxPerAccount(); search++) {
            as(registrar, () -> beneficiaries.checkNik(freshNik()));
        }
        assertThatThrownBy(() -> as(registrar, () -> beneficiaries.register(person(registered.nik(),
                registered.desaCode(), 2)))).isInstanceOf(TooManyRequestsException.class);
        as(registrar, () -> beneficiaries.register(person(freshNik(), registered.desaCode(), 2)));
    }

    /**
     * Importing a file told which of its NIKs were registered (by what it created, or by row errors such as a
     * double receipt) without a limit or an audit event. Now each NIK of another OPD's person is a search.
     */
    @Test
    void anImportCountsTheNiksOfOtherOpdsPeopleAsSearches() {
        BeneficiaryView registered = registeredByDisdik();
        String unregistered = freshNik();
        DumisakeUser importer = operator("DINKES", "impor-" + ThreadLocalRandom.current().nextInt(1_000_000));
        BeneficiaryView own = as(importer, () -> beneficiaries.register(person(freshNik(), registered.desaCode(), 2)));

        ImportResult result = as(importer, () -> imports.importFile("penerima.csv",
                importFile(registered.desaCode(), registered.nik(), unregistered, own.nik())));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.beneficiariesCreated()).isEqualTo(1);
        List<Map<String, Object>> searches = events(importer, "NIK_SEARCHED");
        assertThat(searches).extracting(e -> e.get("nik")).containsExactly(Nik.mask(registered.nik()));
        assertThat(searches).extracting(e -> e.get("entity_id")).containsExactly(String.valueOf(registered.id()));
    }

    @Test
    void anImportWithMoreOfOtherOpdsNiksThanSearchesLeftIsRefusedWhole() {
        BeneficiaryView first = registeredByDisdik();
        BeneficiaryView second = registeredByDisdik();
        String unregistered = freshNik();
        DumisakeUser importer = operator("DINKES", "impor-" + ThreadLocalRandom.current().nextInt(1_000_000));
        for (int search = 2; search <= limit.maxPerAccount(); search++) {
            as(importer, () -> beneficiaries.checkNik(freshNik()));
        }

        assertThatThrownBy(() -> as(importer, () -> imports.importFile("penerima.csv",
                importFile(first.desaCode(), first.nik(), unregistered, second.nik()))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("IMPORT_NIK_SEARCH_LIMIT");
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.forLanguageTag("id")))
                            .isEqualTo(("Berkas memuat 2 NIK yang sudah terdaftar oleh OPD lain; setiap NIK itu "
                                    + "dihitung sebagai pencarian NIK, paling banyak %d pencarian per 10 menit per "
                                    + "akun (tersisa 1). Bagi berkasnya.").formatted(limit.maxPerAccount()));
                });

        assertThat(jdbc.queryForObject("select count(*) from beneficiary where nik = ?", Integer.class,
                unregistered)).isZero();
        assertThat(jdbc.queryForObject("select status from beneficiary_import where created_by = ?", String.class,
                importer.getUsername())).isEqualTo("REFUSED");
        assertThat(events(importer, "NIK_SEARCHED")).hasSize(limit.maxPerAccount() - 1);
        assertThat(events(importer, "NIK_SEARCH_LIMIT_REACHED")).hasSize(1);
        // a file of new people only is no search, and goes through with no searches left
        as(importer, () -> beneficiaries.checkNik(freshNik()));
        assertThat(as(importer, () -> imports.importFile("penerima.csv",
                importFile(first.desaCode(), unregistered))).beneficiariesCreated()).isEqualTo(1);
    }

    @Test
    void anAdminsImportCountsEveryRegisteredNikAsTheirSearchesDo() {
        BeneficiaryView registered = registeredByDisdik();
        DumisakeUser admin = new DumisakeUser("admin-impor-" + ThreadLocalRandom.current().nextInt(1_000_000),
                "Admin Uji", Role.ADMIN, null, true, "x");

        as(admin, () -> imports.importFile("penerima.csv", importFile(registered.desaCode(), registered.nik())));

        assertThat(events(admin, "NIK_SEARCHED")).extracting(e -> e.get("nik"))
                .containsExactly(Nik.mask(registered.nik()));
    }

    /** A GET that another site opens in a popup must not use up the operator's searches. */
    @Test
    void aNikSearchOpenedFromAnotherSiteIsRefusedAndNotCounted() throws Exception {
        DumisakeUser searcher = freshOperatorAccount();
        for (String site : List.of("cross-site", "same-site", "Cross-Site")) {
            MockHttpServletResponse api = mvc.perform(get("/api/v1/beneficiaries").param("nik", freshNik())
                    .header("Sec-Fetch-Site", site).with(user(searcher))).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(403);
            assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(api.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Pencarian NIK yang dibuka dari situs lain ditolak dan tidak dihitung");

            MockHttpServletResponse page = mvc.perform(get("/penerima").param("nik", freshNik())
                    .header("Sec-Fetch-Site", site).with(user(searcher))).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(403);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"forbidden-reason\"")
                    .contains("Pencarian NIK yang dibuka dari situs lain ditolak dan tidak dihitung");
        }
        assertThat(events(searcher, "NIK_SEARCHED")).isEmpty();

        for (String site : List.of("same-origin", "none")) {
            assertThat(mvc.perform(get("/penerima").param("nik", freshNik()).header("Sec-Fetch-Site", site)
                    .with(user(searcher))).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/api/v1/beneficiaries").param("nik", freshNik()).with(user(searcher)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(events(searcher, "NIK_SEARCHED")).hasSize(3);
    }

    /** An import file of people without aid, living in {@code desa}. */
    private static byte[] importFile(String desa, String... niks) {
        StringBuilder csv = new StringBuilder("nik,name,sex,date_of_birth,desa_code,address,phone,welfare_decile,"
                + "allocation_id,aid_amount,aid_date,aid_description\n");
        for (String nik : niks) {
            csv.append(nik).append(",Penerima Sintetis,F,1990-07-01,").append(desa).append(",Jl. Uji,,3,,,,\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private BeneficiaryView registeredByDisdik() {
        return registeredByDisdik("");
    }

    /** A person registered by DISDIK, living outside {@code kecamatanCode}. */
    private BeneficiaryView registeredByDisdik(String kecamatanCode) {
        String desa = jdbc.queryForObject("select code from desa where kecamatan_code <> ? order by code limit 1",
                String.class, kecamatanCode);
        return as(OP_DISDIK, () -> beneficiaries.register(person(freshNik(), desa, 3)));
    }

    /** An operator account of its own, so that its searches are counted apart from every other test's. */
    private DumisakeUser freshOperatorAccount() {
        String username = "nik-" + ThreadLocalRandom.current().nextInt(1_000_000);
        SignedIn.as(SignedIn.ADMIN);
        try {
            accounts.create(new NewAccount(username, "Operator Uji Batas", null, null, Role.OPD_OPERATOR, "DINKES"));
        } finally {
            SignedIn.nobody();
        }
        return new DumisakeUser(username, "Operator Uji Batas", Role.OPD_OPERATOR, "DINKES", true, "x");
    }

    private List<Map<String, Object>> events(DumisakeUser user, String action) {
        return jdbc.queryForList("""
                        select entity_id, after_state->>'nik' as nik from audit_event
                        where username = ? and action = ? order by id""", user.getUsername(), action);
    }
}
