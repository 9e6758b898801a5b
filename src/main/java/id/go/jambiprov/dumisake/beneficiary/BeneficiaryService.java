package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationService;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.RegionNotFoundException;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Beneficiaries of direct aid and their aid records. The full NIK is shown to admins and to operators of
 * the OPD that registered the person or recorded aid for them; everybody else sees it masked, with the year
 * of birth instead of the date. An admin who is shown a full NIK leaves a {@code NIK_VIEWED} audit event,
 * because nobody's own work needs it. Exact NIK search is limited, audited and tells another OPD's operator
 * no more than "registered" ({@link #checkNik}).
 */
@Service
@Transactional
public class BeneficiaryService {

    private static final String ENTITY = "Beneficiary";

    private final NamedParameterJdbcTemplate jdbc;
    private final AllocationService allocations;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final AuditTrail audit;
    private final NikSearchLimit searchLimit;
    private final Clock clock;

    BeneficiaryService(NamedParameterJdbcTemplate jdbc, AllocationService allocations, ProgrammeService programmes,
                       RegionService regions, AuditTrail audit, NikSearchLimit searchLimit, Clock clock) {
        this.jdbc = jdbc;
        this.allocations = allocations;
        this.programmes = programmes;
        this.regions = regions;
        this.audit = audit;
        this.searchLimit = searchLimit;
        this.clock = clock;
    }

    /**
     * Registers a person. Refusing a NIK that is registered already tells whether it is, as a NIK search does:
     * that refusal counts and is audited as one ({@link #checkNik}), which is why refusals commit.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    @Transactional(noRollbackFor = {BusinessRuleException.class, TooManyRequestsException.class})
    public BeneficiaryView register(NewBeneficiary person) {
        LocalDate today = LocalDate.now(clock);
        Nik nik = checked(person, today);
        DesaSummary desa = desa(person.desaCode());
        searchLimit.admit(nik.masked());
        Optional<Long> existing = idOf(nik.value());
        if (existing.isPresent()) {
            searchLimit.searched(nik.masked(), existing.get());
            throw new BusinessRuleException("BENEFICIARY_EXISTS", "beneficiary.exists", nik.masked());
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                            insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address, phone,
                                                     welfare_decile, created_by, registered_opd)
                            values (:nik, :name, :sex, :dob, :desa, :address, :phone, :decile, :by, :opd)""",
                    new MapSqlParameterSource("nik", nik.value()).addValue("name", person.name().strip())
                            .addValue("sex", nik.sex().name()).addValue("dob", nik.dateOfBirth(today))
                            .addValue("desa", desa.code()).addValue("address", blankToEmpty(person.address()))
                            .addValue("phone", blankToNull(person.phone()))
                            .addValue("decile", person.welfareDecile())
                            .addValue("by", CurrentUser.username()).addValue("opd", CurrentUser.opdScope()),
                    keys, new String[]{"id"});
        } catch (DuplicateKeyException e) {
            // registered by someone else a moment ago; the failed insert aborted the transaction
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw new BusinessRuleException("BENEFICIARY_EXISTS", "beneficiary.exists", nik.masked());
        }
        long id = keys.getKey().longValue();
        BeneficiaryView created = load(id).orElseThrow();
        audit.record("BENEFICIARY_CREATED", ENTITY, id, null, state(created));
        return view(created, false);
    }

    /**
     * Exact NIK search, for admins and for operators, who check a person before recording aid. Whether the
     * NIK is registered is told to both; the person only to an admin and to the operators of the OPD that
     * registered them or recorded aid for them, so that another OPD's operator learns nothing about another
     * OPD's person. Every search is audited with the masked NIK and counted against the account's limit:
     * otherwise the answer "registered" lets anyone try out the digits a masked NIK hides.
     *
     * @throws BusinessRuleException    {@code NIK_INVALID} for what cannot be a NIK; nothing is counted
     * @throws TooManyRequestsException {@code NIK_SEARCH_LIMIT} when the account used up its searches; the
     *                                  transaction commits, keeping the audit event of the first refusal
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    @Transactional(noRollbackFor = TooManyRequestsException.class)
    public NikCheck checkNik(String typed) {
        Nik nik = Nik.parse(typed, LocalDate.now(clock));
        searchLimit.admit(nik.masked());
        Optional<BeneficiaryView> found = jdbc.query(SELECT + " where b.nik = :nik",
                new MapSqlParameterSource("nik", nik.value()), ROW).stream().findFirst();
        searchLimit.searched(nik.masked(), found.map(BeneficiaryView::id).orElse(null));
        // the admin typed the NIK: seeing it is no disclosure, and the search is audited already
        return new NikCheck(nik.masked(), found.isPresent(),
                found.filter(this::visibleToCaller).orElse(null));
    }

    public BeneficiaryView get(long id) {
        return load(id).map(b -> view(b, true))
                .orElseThrow(() -> new NotFoundException("beneficiary.notFound", id));
    }

    /** Beneficiaries whose name contains {@code text}, NIKs masked, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<BeneficiaryView> searchByName(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return jdbc.query(SELECT + " where b.name ilike :text escape '\\' order by b.name, b.id limit :limit",
                new MapSqlParameterSource("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%").addValue("limit", limit), ROW)
                .stream().map(BeneficiaryService::masked).toList();
    }

    /**
     * Records aid under a {@code BELANJA_OPD} allocation of the operator's OPD. The allocation row is locked
     * first, so that Σ aid ≤ allocation holds for concurrent writers; the unique index on (NIK, programme,
     * year) refuses a double receipt even when two operators record one person under two allocations.
     * <p>
     * A refusal after the person was looked up tells whether the NIK is registered, as a NIK search does, so
     * it counts and is audited as one ({@link #checkNik}); that is why refusals commit. Recorded aid does not
     * count: it is audited by itself, and an operator entering a stack of forms must not run into the limit.
     */
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    @Transactional(noRollbackFor = {BusinessRuleException.class, TooManyRequestsException.class})
    public RecordedAid recordAid(long allocationId, NewAid request) {
        AllocationView allocation = allocations.lockForDisbursement(allocationId, false);
        if (!allocation.active()) {
            throw new BusinessRuleException("ALLOCATION_CANCELLED", "allocation.cancelled");
        }
        if (allocation.mechanism() != Mechanism.BELANJA_OPD) {
            throw new BusinessRuleException("AID_MECHANISM", "aid.mechanism");
        }
        if (request.date() == null || request.date().getYear() != allocation.year()) {
            throw new BusinessRuleException("AID_DATE_OUTSIDE_YEAR", "aid.dateOutsideYear", allocation.year());
        }
        String typed = request.nik() == null ? "" : request.nik().strip();
        if (!typed.matches("[0-9]{16}")) {
            throw unknownBeneficiary();
        }
        String maskedNik = Nik.mask(typed);
        searchLimit.admit(maskedNik);
        BeneficiaryView person = jdbc.query(SELECT + " where b.nik = :nik", new MapSqlParameterSource("nik", typed),
                ROW).stream().findFirst().orElse(null);
        ProgrammeView programme = programmes.get(allocation.programmeCode());
        try {
            refuseUnlessEligible(person, allocation, programme, request.amount());
        } catch (BusinessRuleException refused) {
            searchLimit.searched(maskedNik, person == null ? null : person.id());
            throw refused;
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                            insert into aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code,
                                             amount, description, aid_date, created_by)
                            values (:beneficiary, :nik, :allocation, :programme, :year, :opd, :amount, :description,
                                    :date, :by)""",
                    new MapSqlParameterSource("beneficiary", person.id()).addValue("nik", request.nik().strip())
                            .addValue("allocation", allocationId).addValue("programme", allocation.programmeCode())
                            .addValue("year", allocation.year()).addValue("opd", allocation.opdCode())
                            .addValue("amount", request.amount()).addValue("description", blankToNull(request.description()))
                            .addValue("date", request.date()).addValue("by", CurrentUser.username()),
                    keys, new String[]{"id"});
        } catch (DuplicateKeyException e) {
            // another operator recorded this person under the same programme a moment ago; the failed insert
            // aborted the transaction, which must roll back although refusals commit
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw doubleReceipt(programme, allocation.year());
        }
        long id = keys.getKey().longValue();
        AidView aid = aid(id);
        audit.record("AID_RECORDED", "Aid", id, null, aidState(aid));
        List<String> others = jdbc.queryForList("""
                        select distinct p.name from aid x join programme p on p.code = x.programme_code
                        where x.beneficiary_id = :beneficiary and x.fiscal_year = :year and x.status <> 'CANCELLED'
                          and x.programme_code <> :programme order by p.name""",
                new MapSqlParameterSource("beneficiary", person.id()).addValue("year", allocation.year())
                        .addValue("programme", allocation.programmeCode()), String.class);
        return new RecordedAid(aid, others);
    }

    /**
     * Cancels an aid record with a reason: it stops counting against the allocation, and the same NIK may
     * receive that programme's aid again in that year (the double-receipt index skips cancelled records).
     * For the operators of the OPD that recorded it and for admins; another OPD's operator gets "not found".
     * The allocation row is locked first, as recording aid does, so that a cancel and a new record on the
     * freed room follow one another; a closed fiscal year refuses it, as it refuses every change.
     *
     * @param expectedVersion the version the caller saw, or null to cancel whatever the current one is
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public AidView cancelAid(long aidId, String reason, Long expectedVersion) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessRuleException("CANCEL_REASON_REQUIRED", "aid.cancelReasonRequired");
        }
        if (why.length() > 500) {
            throw new BusinessRuleException("CANCEL_REASON_TOO_LONG", "aid.cancelReasonTooLong", 500);
        }
        String scope = CurrentUser.opdScope();
        MapSqlParameterSource params = new MapSqlParameterSource("id", aidId).addValue("scope", scope);
        Long allocationId = jdbc.query("select allocation_id from aid where id = :id"
                        + (scope == null ? "" : " and opd_code = :scope"), params, (rs, n) -> rs.getLong(1))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("aid.notFound", aidId));
        // lock order allocation → aid, as when recording; refuses a closed year
        allocations.lockForDisbursement(allocationId, false);
        Map<String, Object> current = jdbc.queryForMap("select status, version from aid where id = :id for update",
                params);
        if ("CANCELLED".equals(current.get("status"))) {
            throw new BusinessRuleException("AID_ALREADY_CANCELLED", "aid.alreadyCancelled");
        }
        if (expectedVersion != null && expectedVersion != ((Number) current.get("version")).longValue()) {
            throw new StaleVersionException("Aid", aidId);
        }
        AidView before = aid(aidId);
        jdbc.update("""
                        update aid set status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(),
                               cancelled_by = :by, version = version + 1
                        where id = :id""",
                params.addValue("reason", why).addValue("by", CurrentUser.username()));
        AidView after = aid(aidId);
        Map<String, Object> state = aidState(after);
        state.put("status", after.status());
        state.put("cancelReason", after.cancelReason());
        Map<String, Object> was = aidState(before);
        was.put("status", before.status());
        audit.record("AID_CANCELLED", "Aid", aidId, was, state);
        return after;
    }

    /** Whether the caller may cancel this aid record: an active one, of their OPD (any OPD for admins). */
    public boolean mayCancel(AidView aid) {
        if (aid.cancelled()) {
            return false;
        }
        String scope = CurrentUser.opdScope();
        if (scope != null) {
            return scope.equals(aid.opdCode());
        }
        return CurrentUser.get().getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** The aid of one allocation the caller may see (another OPD's allocation is "not found"). */
    @Transactional(readOnly = true)
    public List<AidView> aidOfAllocation(long allocationId) {
        allocations.get(allocationId);
        return jdbc.query(AID_SELECT + " where x.allocation_id = :allocation order by x.aid_date desc, x.id desc",
                new MapSqlParameterSource("allocation", allocationId), AID_ROW);
    }

    /** The aid of a fiscal year as lists show it (NIK masked), an operator's OPD only, oldest first. */
    @Transactional(readOnly = true)
    public List<AidView> aidOfYear(int year) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String scope = CurrentUser.opdScope();
        if (scope != null) {
            params.addValue("opd", scope);
        }
        return jdbc.query(AID_SELECT + " where x.fiscal_year = :year" + (scope == null ? "" : " and x.opd_code = :opd")
                + " order by x.aid_date, x.id", params, AID_ROW);
    }

    /** All aid one person received, across OPDs and years. */
    @Transactional(readOnly = true)
    public List<AidView> aidOf(long beneficiaryId) {
        return jdbc.query(AID_SELECT + " where x.beneficiary_id = :beneficiary order by x.aid_date desc, x.id desc",
                new MapSqlParameterSource("beneficiary", beneficiaryId), AID_ROW);
    }

    /** People with aid from two or more programmes in one fiscal year, for the expert team. */
    @Transactional(readOnly = true)
    public List<MultiProgrammeRow> multiProgramme(int year) {
        return jdbc.query("""
                        select b.id, b.nik, b.name, d.name as desa_name, c.name as kecamatan_name, x.fiscal_year,
                               string_agg(distinct p.name, ', ') as programmes, count(*) as aid_count
                        from aid x join beneficiary b on b.id = x.beneficiary_id
                        join programme p on p.code = x.programme_code
                        join desa d on d.code = b.desa_code join kecamatan c on c.code = d.kecamatan_code
                        where x.fiscal_year = :year and x.status <> 'CANCELLED'
                        group by b.id, d.name, c.name, x.fiscal_year
                        having count(distinct x.programme_code) > 1
                        order by c.name, d.name, b.name""", new MapSqlParameterSource("year", year),
                (rs, n) -> new MultiProgrammeRow(rs.getLong("id"), Nik.mask(rs.getString("nik")), rs.getString("name"),
                        rs.getString("desa_name"), rs.getString("kecamatan_name"), rs.getInt("fiscal_year"),
                        rs.getString("programmes"), rs.getLong("aid_count")));
    }

    /**
     * Distinct people with aid in {@code year}, per desa of one kecamatan (those with any); an operator counts
     * the aid of their OPD, as their dashboards show their OPD's money.
     */
    @Transactional(readOnly = true)
    public List<RegionCount> countsPerDesa(int year, String kecamatanCode) {
        MapSqlParameterSource params = countParams(year).addValue("kecamatan", kecamatanCode);
        return jdbc.query("""
                        select d.code, d.name, count(distinct x.beneficiary_id) as beneficiaries
                        from aid x join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code
                        where x.fiscal_year = :year and x.status <> 'CANCELLED' and d.kecamatan_code = :kecamatan
                        """ + countScope(params) + " group by d.code, d.name order by d.name",
                params, (rs, n) -> new RegionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** Distinct people with aid in {@code year}, per kecamatan (those with any), in the caller's scope. */
    @Transactional(readOnly = true)
    public List<RegionCount> countsPerKecamatan(int year) {
        MapSqlParameterSource params = countParams(year);
        return jdbc.query("""
                        select c.code, c.name, count(distinct x.beneficiary_id) as beneficiaries
                        from aid x join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code
                        join kecamatan c on c.code = d.kecamatan_code
                        where x.fiscal_year = :year and x.status <> 'CANCELLED'
                        """ + countScope(params) + " group by c.code, c.name order by c.name",
                params, (rs, n) -> new RegionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /**
     * The province dashboard's drill-down: per kabupaten/kota, per kecamatan of {@code kabupatenKotaCode}, or
     * per desa of {@code kecamatanCode} (which wins when both are given); every region of the level, in code
     * order, counted as {@link #countsPerDesa} counts (one aggregate query).
     */
    @Transactional(readOnly = true)
    public BeneficiaryCounts countsSummary(int year, String kabupatenKotaCode, String kecamatanCode) {
        MapSqlParameterSource params = countParams(year);
        String scope = countScope(params);
        BeneficiaryCounts.Level level;
        String parentCode = null;
        String parentName = null;
        String upCode = null;
        String regionSql;
        if (kecamatanCode != null && !kecamatanCode.isBlank()) {
            var kecamatan = regions.kecamatan(kecamatanCode.strip());
            level = BeneficiaryCounts.Level.DESA;
            parentCode = kecamatan.code();
            parentName = kecamatan.name();
            upCode = kecamatan.kabupatenKotaCode();
            regionSql = "select d.code, d.name, d.code as desa_code from desa d where d.kecamatan_code = :parent";
        } else if (kabupatenKotaCode != null && !kabupatenKotaCode.isBlank()) {
            var kabupatenKota = regions.kabupatenKota(kabupatenKotaCode.strip());
            level = BeneficiaryCounts.Level.KECAMATAN;
            parentCode = kabupatenKota.code();
            parentName = kabupatenKota.name();
            regionSql = """
                    select c.code, c.name, d.code as desa_code from kecamatan c join desa d on d.kecamatan_code = c.code
                    where c.kabupaten_kota_code = :parent""";
        } else {
            level = BeneficiaryCounts.Level.KABUPATEN_KOTA;
            regionSql = """
                    select k.code, k.name, d.code as desa_code from kabupaten_kota k
                    join kecamatan c on c.kabupaten_kota_code = k.code join desa d on d.kecamatan_code = c.code""";
        }
        params.addValue("parent", parentCode);
        // per desa first: a person lives in one desa, so the desa counts add up to every level above
        List<RegionCount> rows = jdbc.query("""
                        with per_desa as (
                            select b.desa_code, count(distinct x.beneficiary_id) as beneficiaries
                            from aid x join beneficiary b on b.id = x.beneficiary_id
                            where x.fiscal_year = :year and x.status <> 'CANCELLED'
                        """ + scope + """
                            group by b.desa_code),
                        region as (""" + regionSql + """
                        )
                        select r.code, r.name, coalesce(sum(p.beneficiaries), 0) as beneficiaries
                        from region r left join per_desa p on p.desa_code = r.desa_code
                        group by r.code, r.name order by r.code""",
                params, (rs, n) -> new RegionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
        long total = rows.stream().mapToLong(RegionCount::beneficiaries).sum();
        return new BeneficiaryCounts(year, level, parentCode, parentName, upCode, rows, total);
    }

    private static MapSqlParameterSource countParams(int year) {
        return new MapSqlParameterSource("year", year);
    }

    /** An operator's counts are of their OPD's aid; everybody else's of all. */
    private static String countScope(MapSqlParameterSource params) {
        String scope = CurrentUser.opdScope();
        if (scope == null) {
            return "";
        }
        params.addValue("scopeOpd", scope);
        return " and x.opd_code = :scopeOpd ";
    }

    /** Checks what was typed: the NIK is well formed and carries the sex and date of birth typed with it. */
    static Nik checked(NewBeneficiary person, LocalDate today) {
        Nik nik = Nik.parse(person.nik(), today);
        if (person.sex() != null && person.sex() != nik.sex()) {
            throw new BusinessRuleException("NIK_SEX_MISMATCH", "nik.sexMismatch");
        }
        if (person.dateOfBirth() != null && !person.dateOfBirth().equals(nik.dateOfBirth(today))) {
            throw new BusinessRuleException("NIK_BIRTH_DATE_MISMATCH", "nik.birthDateMismatch");
        }
        if (person.name() == null || person.name().isBlank()) {
            throw new BusinessRuleException("NAME_REQUIRED", "beneficiary.nameRequired");
        }
        if (person.welfareDecile() != null && (person.welfareDecile() < 1 || person.welfareDecile() > 10)) {
            throw new BusinessRuleException("DECILE_INVALID", "beneficiary.decileInvalid");
        }
        return nik;
    }

    private DesaSummary desa(String code) {
        try {
            return regions.desa(code == null ? "" : code.strip());
        } catch (RegionNotFoundException e) {
            throw new BusinessRuleException("DESA_UNKNOWN", "beneficiary.desaUnknown", code);
        }
    }

    private Optional<Long> idOf(String nik) {
        return jdbc.queryForList("select id from beneficiary where nik = :nik", new MapSqlParameterSource("nik", nik),
                Long.class).stream().findFirst();
    }

    private boolean hasAid(long beneficiaryId, String programmeCode, int year) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from aid where beneficiary_id = :beneficiary and programme_code = :programme
                                       and fiscal_year = :year and status <> 'CANCELLED')""",
                new MapSqlParameterSource("beneficiary", beneficiaryId).addValue("programme", programmeCode)
                        .addValue("year", year), Boolean.class));
    }

    /** What refuses aid for this person under this allocation; the caller has checked the allocation itself. */
    private void refuseUnlessEligible(BeneficiaryView person, AllocationView allocation, ProgrammeView programme,
                                      BigDecimal amount) {
        if (person == null) {
            throw unknownBeneficiary();
        }
        if (!person.kecamatanCode().equals(allocation.kecamatanCode())) {
            // without the person's desa: the operator may not be one who may see where they live
            throw new BusinessRuleException("DESA_OUTSIDE_KECAMATAN", "aid.personOutsideKecamatan",
                    allocation.kecamatanName());
        }
        Integer limit = programme.maxWelfareDecile();
        if (limit != null && (person.welfareDecile() == null || person.welfareDecile() > limit)) {
            throw new BusinessRuleException("DECILE_NOT_ELIGIBLE", "aid.decileNotEligible", programme.name(), limit)
                    .with("maxWelfareDecile", limit);
        }
        if (hasAid(person.id(), allocation.programmeCode(), allocation.year())) {
            throw doubleReceipt(programme, allocation.year());
        }
        BigDecimal aided = jdbc.queryForObject("""
                        select coalesce(sum(amount), 0) from aid where allocation_id = :allocation and status <> 'CANCELLED'""",
                new MapSqlParameterSource("allocation", allocation.id()), BigDecimal.class);
        BigDecimal remaining = allocation.amount().subtract(aided);
        if (amount.compareTo(remaining) > 0) {
            throw new BusinessRuleException("ALLOCATION_EXCEEDED", "aid.allocationExceeded", Rupiah.format(remaining))
                    .with("remaining", remaining);
        }
    }

    private static BusinessRuleException unknownBeneficiary() {
        return new BusinessRuleException("BENEFICIARY_UNKNOWN", "aid.beneficiaryUnknown");
    }

    private static BusinessRuleException doubleReceipt(ProgrammeView programme, int year) {
        return new BusinessRuleException("DOUBLE_RECEIPT", "aid.doubleReceipt", programme.name(), year);
    }

    private Optional<BeneficiaryView> load(long id) {
        return jdbc.query(SELECT + " where b.id = :id", new MapSqlParameterSource("id", id), ROW).stream().findFirst();
    }

    private AidView aid(long id) {
        return jdbc.query(AID_SELECT + " where x.id = :id", new MapSqlParameterSource("id", id), AID_ROW).get(0);
    }

    /**
     * The person with the NIK as the caller may see it. {@code audited}: an admin shown the full NIK leaves an
     * audit event (the operator who just registered the person does not need one).
     */
    private BeneficiaryView view(BeneficiaryView full, boolean audited) {
        if (ownOpd(full)) {
            return full;
        }
        if (admin()) {
            if (audited) {
                audit.record("NIK_VIEWED", ENTITY, full.id(), null, Map.of("nik", Nik.mask(full.nik())));
            }
            return full;
        }
        return masked(full);
    }

    /** Whether the caller may see this person with the full NIK: an admin, or an operator of their OPD. */
    private boolean visibleToCaller(BeneficiaryView full) {
        return admin() || ownOpd(full);
    }

    private static boolean ownOpd(BeneficiaryView full) {
        String scope = CurrentUser.opdScope();
        return scope != null && (scope.equals(full.registeredOpd()) || full.aidOpds().contains(scope));
    }

    private static boolean admin() {
        return CurrentUser.get().getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** The NIK masked and, since day and month of birth are digits the mask hides, the year of birth only. */
    private static BeneficiaryView masked(BeneficiaryView b) {
        return new BeneficiaryView(b.id(), Nik.mask(b.nik()), false, b.name(), b.sex(), null, b.birthYear(),
                b.desaCode(), b.desaName(), b.kecamatanCode(), b.kecamatanName(), b.kabupatenKotaName(), b.address(),
                b.phone(), b.welfareDecile(), b.registeredOpd(), b.aidOpds());
    }

    /**
     * The audit trail keeps the masked NIK, and with it the year of birth only, as every masked view does: an
     * admin reading the trail is not shown a full NIK, nor the digits to rebuild one.
     */
    private static Map<String, Object> state(BeneficiaryView b) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nik", Nik.mask(b.nik()));
        state.put("name", b.name());
        state.put("sex", b.sex());
        state.put("birthYear", b.birthYear());
        state.put("desaCode", b.desaCode());
        state.put("welfareDecile", b.welfareDecile());
        return state;
    }

    private static Map<String, Object> aidState(AidView a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("beneficiaryId", a.beneficiaryId());
        state.put("nik", a.maskedNik());
        state.put("allocationId", a.allocationId());
        state.put("programme", a.programmeCode());
        state.put("year", a.year());
        state.put("amount", a.amount());
        state.put("description", a.description());
        state.put("date", a.date().toString());
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static final String SELECT = """
            select b.id, b.nik, b.name, b.sex, b.date_of_birth, b.desa_code, d.name as desa_name, d.kecamatan_code,
                   c.name as kecamatan_name, k.name as kabupaten_kota_name, b.address, b.phone, b.welfare_decile,
                   b.registered_opd,
                   array(select distinct x.opd_code from aid x where x.beneficiary_id = b.id and x.status <> 'CANCELLED')
                       as aid_opds
            from beneficiary b
            join desa d on d.code = b.desa_code
            join kecamatan c on c.code = d.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            """;

    private static final RowMapper<BeneficiaryView> ROW = (rs, n) -> {
        LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
        return new BeneficiaryView(rs.getLong("id"), rs.getString("nik"), true, rs.getString("name"),
                Nik.Sex.valueOf(rs.getString("sex")), born, born.getYear(), rs.getString("desa_code"),
                rs.getString("desa_name"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
                rs.getString("kabupaten_kota_name"), rs.getString("address"), rs.getString("phone"),
                (Integer) rs.getObject("welfare_decile", Integer.class), rs.getString("registered_opd"),
                strings(rs.getArray("aid_opds")));
    };

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final String AID_SELECT = """
            select x.id, x.beneficiary_id, x.nik, b.name as beneficiary_name, d.name as desa_name, x.allocation_id,
                   a.title as allocation_title, x.programme_code, p.name as programme_name, x.fiscal_year, x.opd_code,
                   x.amount, x.description, x.aid_date, x.status, x.created_by, x.cancel_reason, x.cancelled_by,
                   x.version
            from aid x
            join beneficiary b on b.id = x.beneficiary_id
            join desa d on d.code = b.desa_code
            join allocation a on a.id = x.allocation_id
            join programme p on p.code = x.programme_code
            """;

    private static final RowMapper<AidView> AID_ROW = (rs, n) -> new AidView(rs.getLong("id"),
            rs.getLong("beneficiary_id"), Nik.mask(rs.getString("nik")), rs.getString("beneficiary_name"),
            rs.getString("desa_name"), rs.getLong("allocation_id"), rs.getString("allocation_title"),
            rs.getString("programme_code"), rs.getString("programme_name"), rs.getInt("fiscal_year"),
            rs.getString("opd_code"), rs.getBigDecimal("amount"), rs.getString("description"),
            rs.getObject("aid_date", LocalDate.class), rs.getString("status"), rs.getString("created_by"),
            rs.getString("cancel_reason"), rs.getString("cancelled_by"), rs.getLong("version"));
}
