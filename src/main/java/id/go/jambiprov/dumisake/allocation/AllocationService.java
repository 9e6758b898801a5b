package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.domain.Allocation;
import id.go.jambiprov.dumisake.allocation.domain.AllocationRepository;
import id.go.jambiprov.dumisake.allocation.domain.AllocationRules;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import id.go.jambiprov.dumisake.programme.EnvelopeService;
import id.go.jambiprov.dumisake.programme.EnvelopeView;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.DesaType;
import id.go.jambiprov.dumisake.region.KecamatanSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Allocating the kecamatan envelopes. Every writer locks the envelope row (on any instance) and checks what
 * the envelope has left as it sees it under that lock before it writes; the database trigger moves the
 * envelope total and its CHECK refuses anything above the pagu should a writer ever skip the lock.
 */
@Service
@Transactional
public class AllocationService {

    private static final String ENTITY = "Allocation";
    private static final BigDecimal NONE = new BigDecimal("0.00");

    private final AllocationRepository allocations;
    private final NamedParameterJdbcTemplate jdbc;
    private final FiscalYearService fiscalYears;
    private final EnvelopeService envelopes;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final OpdService opds;
    private final AuditTrail audit;
    private final JdbcTemplate streamingJdbc;

    private static final int STREAM_FETCH_SIZE = 1000;

    AllocationService(AllocationRepository allocations, NamedParameterJdbcTemplate jdbc, FiscalYearService fiscalYears,
                      EnvelopeService envelopes, ProgrammeService programmes, RegionService regions, OpdService opds,
                      AuditTrail audit) {
        this.allocations = allocations;
        this.jdbc = jdbc;
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
        this.programmes = programmes;
        this.regions = regions;
        this.opds = opds;
        this.audit = audit;
        // PostgreSQL sends rows in batches only with a fetch size (inside a transaction)
        this.streamingJdbc = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        this.streamingJdbc.setFetchSize(STREAM_FETCH_SIZE);
    }

    /**
     * Everything that needs no envelope lock — the other rules (the open year is held by a share lock on its
     * row), the new id, the audit event — happens before the envelope is locked, so that the lock is held only
     * for the room check and the insert: on a busy envelope the requests queue on that lock, and its holding
     * time is the envelope's throughput. Hence ids and creation times follow the order in which requests
     * arrived, not the order in which they drew on the envelope, and a refused request leaves a gap in the ids.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public AllocationView create(NewAllocation request) {
        AllocationView created = prepare(List.of(request)).get(0);
        EnvelopeView envelope = envelopes.lockForUpdate(request.year(), request.kecamatanCode());
        AllocationRules.requireEnvelopeRoom(envelope.kecamatanName(), request.year(), envelope.remaining(),
                created.amount());
        insert(List.of(created));
        return created;
    }

    /**
     * Checks one request against every rule that does not need the envelope lock (open year, known codes,
     * active OPD and programme, desa consistent with the mechanism) and throws the first one it breaks;
     * the bulk import uses it to list every bad row before anything is written.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void validate(NewAllocation request) {
        new RuleLookups(List.of(request)).check(request);
    }

    /**
     * Many allocations at once, all or nothing (the bulk import): every request is checked, then the
     * envelopes involved are locked in (year, code) order — so two imports cannot deadlock — and the
     * requests of each envelope together must fit in what it has left. If any envelope lacks money nothing
     * is written and the refusal lists every such kecamatan; otherwise every allocation is written, each with
     * its audit event (recorded, as for {@link #create}, before the lock).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AllocationView> importAll(List<NewAllocation> requests) {
        List<AllocationView> created = prepare(requests);
        Map<Integer, Map<String, BigDecimal>> needed = new TreeMap<>();
        for (AllocationView allocation : created) {
            needed.computeIfAbsent(allocation.year(), year -> new TreeMap<>())
                    .merge(allocation.kecamatanCode(), allocation.amount(), BigDecimal::add);
        }
        List<EnvelopeShortfall> shortfalls = new ArrayList<>();
        needed.forEach((year, perKecamatan) -> {
            for (EnvelopeView envelope : envelopes.lockForUpdate(year, List.copyOf(perKecamatan.keySet()))) {
                BigDecimal required = perKecamatan.get(envelope.kecamatanCode());
                if (required.compareTo(envelope.remaining()) > 0) {
                    shortfalls.add(new EnvelopeShortfall(envelope.kecamatanCode(), envelope.kecamatanName(), required,
                            envelope.remaining()));
                }
            }
        });
        if (!shortfalls.isEmpty()) {
            throw new PerDesaShortfallException(shortfalls);
        }
        insert(created);
        return created;
    }

    /** Raises the amount up to what the envelope has left, or lowers it down to what is disbursed. */
    @PreAuthorize("hasRole('ADMIN')")
    public AllocationView revise(long id, BigDecimal newAmount, long expectedVersion) {
        Allocation allocation = lockedForChange(id, expectedVersion);
        AllocationView before = get(id);
        EnvelopeView envelope = envelopes.get(allocation.getFiscalYear(), allocation.getKecamatanCode());
        BigDecimal increase = allocation.revise(newAmount, CurrentUser.username());
        AllocationRules.requireEnvelopeRoom(envelope.kecamatanName(), envelope.year(), envelope.remaining(), increase);
        allocations.flush();
        AllocationView after = get(id);
        audit.record("ALLOCATION_REVISED", ENTITY, id, state(before), state(after));
        return after;
    }

    /** Cancels an allocation; its money returns to the envelope. Refused once anything is verified. */
    @PreAuthorize("hasRole('ADMIN')")
    public AllocationView cancel(long id, String reason, long expectedVersion) {
        Allocation allocation = lockedForChange(id, expectedVersion);
        AllocationView before = get(id);
        allocation.cancel(reason, CurrentUser.username());
        allocations.flush();
        AllocationView after = get(id);
        audit.record("ALLOCATION_CANCELLED", ENTITY, id, state(before), state(after));
        return after;
    }

    /**
     * One allocation per desa of a kecamatan or kabupaten/kota, all or nothing: the envelopes are locked
     * in code order (two bulk writers cannot deadlock), and if any of them lacks money nothing is written
     * and the refusal lists every kecamatan with how much it lacks.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PerDesaResult allocatePerDesa(PerDesaAllocation request) {
        // importAll checks these again per desa; here they come before the questions of scope and desa
        fiscalYears.requireOpen(request.year());
        requireActiveOpd(request.opdCode());
        requireActiveProgramme(request.programmeCode());
        if (request.amountPerDesa().signum() <= 0 || request.title() == null || request.title().isBlank()) {
            throw new IllegalArgumentException("invalid per-desa allocation");
        }
        if ((blankToNull(request.kecamatanCode()) == null) == (blankToNull(request.kabupatenKotaCode()) == null)) {
            throw new BusinessRuleException("SCOPE_REQUIRED", "allocation.perDesa.scopeRequired");
        }
        List<DesaSummary> desa = regions.desa(blankToNull(request.kabupatenKotaCode()),
                        blankToNull(request.kecamatanCode()), null, Pageable.unpaged(Sort.by("code"))).stream()
                .filter(d -> !request.onlyDesa() || d.type() == DesaType.DESA)
                .toList();
        if (desa.isEmpty()) {
            throw new BusinessRuleException("NO_DESA", "allocation.perDesa.noDesa");
        }
        List<AllocationView> created = importAll(desa.stream()
                .map(d -> new NewAllocation(request.year(), d.kecamatanCode(), request.opdCode(),
                        request.programmeCode(), Mechanism.BANTUAN_KEUANGAN_DESA, d.code(),
                        request.title().strip() + " – " + d.name(), request.amountPerDesa(), request.plannedMonth()))
                .toList());
        long kecamatan = desa.stream().map(DesaSummary::kecamatanCode).distinct().count();
        return new PerDesaResult(created.size(), (int) kecamatan,
                request.amountPerDesa().multiply(BigDecimal.valueOf(created.size())));
    }

    /** The allocation, if the caller may see it: an operator of another OPD gets "not found". */
    @Transactional(readOnly = true)
    public AllocationView get(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        String scope = scopeClause(params);
        return jdbc.query(SELECT + " where a.id = :id" + scope, params, ROW).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("allocation.notFound", id));
    }

    @Transactional(readOnly = true)
    public Page<AllocationView> search(AllocationFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        long total = jdbc.queryForObject("select count(*) from allocation a join kecamatan c on c.code = a.kecamatan_code"
                + where, params, Long.class);
        params.addValue("limit", pageable.isPaged() ? pageable.getPageSize() : Integer.MAX_VALUE)
                .addValue("offset", pageable.isPaged() ? pageable.getOffset() : 0);
        List<AllocationView> rows = jdbc.query(SELECT + where + orderBy(pageable.getSort())
                + " limit :limit offset :offset", params, ROW);
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Every allocation the filter selects, in code order, handed to {@code each} one at a time as the
     * database sends them (exports of any size never hold the whole list).
     */
    @Transactional(readOnly = true)
    public void forEach(AllocationFilter filter, Consumer<AllocationView> each) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        NamedParameterJdbcTemplate streaming = new NamedParameterJdbcTemplate(streamingJdbc);
        streaming.query(SELECT + where + " order by a.kecamatan_code, a.opd_code, a.id", params,
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)));
    }

    /** Σ of the allocations the filter selects (ACTIVE ones only for the money), for table footers. */
    @Transactional(readOnly = true)
    public AllocationTotals totals(AllocationFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        return jdbc.queryForObject("""
                select count(*) as allocations,
                       coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0) as amount,
                       coalesce(sum(a.disbursed) filter (where a.status = 'ACTIVE'), 0) as disbursed,
                       coalesce(sum(a.realised) filter (where a.status = 'ACTIVE'), 0) as realised
                from allocation a join kecamatan c on c.code = a.kecamatan_code""" + where, params,
                (rs, n) -> new AllocationTotals(rs.getLong("allocations"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("disbursed"), rs.getBigDecimal("realised")));
    }

    /**
     * For the disbursement capability: the allocation as the caller may see it (404 outside an operator's
     * OPD), in an open year, locked until the caller's transaction ends — with its envelope first when the
     * change moves the envelope's realisation, keeping the one lock order envelope → allocation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AllocationView lockForDisbursement(long id, boolean alsoEnvelope) {
        AllocationView current = get(id);
        fiscalYears.requireOpen(current.year());
        if (alsoEnvelope) {
            envelopes.lockForUpdate(current.year(), current.kecamatanCode());
        }
        allocations.lockById(id);
        return get(id);
    }

    private Allocation lockedForChange(long id, long expectedVersion) {
        AllocationView current = get(id);
        fiscalYears.requireOpen(current.year());
        // every writer locks envelope, then allocation, then disbursement: one order, so no deadlock
        envelopes.lockForUpdate(current.year(), current.kecamatanCode());
        Allocation allocation = allocations.lockById(id).orElseThrow(() -> new NotFoundException("allocation.notFound", id));
        if (allocation.getVersion() != expectedVersion) {
            throw new StaleVersionException(ENTITY, id);
        }
        return allocation;
    }

    /**
     * Checks the requests, takes their ids from the sequence and records their audit events: the created
     * allocations as they will be once inserted.
     */
    private List<AllocationView> prepare(List<NewAllocation> requests) {
        RuleLookups lookups = new RuleLookups(requests);
        List<RuleLookups.Checked> checked = requests.stream().map(lookups::check).toList();
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('allocation', 'id')) from generate_series(1, :n)",
                new MapSqlParameterSource("n", requests.size()), Long.class);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String by = CurrentUser.username();
        List<AllocationView> created = new ArrayList<>(requests.size());
        Map<Long, Map<String, Object>> audited = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            AllocationView allocation = checked.get(i).created(ids.get(i), requests.get(i), now, by);
            created.add(allocation);
            audited.put(allocation.id(), state(allocation));
        }
        audit.recordCreated("ALLOCATION_CREATED", ENTITY, audited);
        return created;
    }

    private void insert(List<AllocationView> created) {
        jdbc.batchUpdate("""
                        insert into allocation (id, fiscal_year, kecamatan_code, opd_code, programme_code, mechanism,
                            desa_code, title, amount, planned_month, status, created_at, created_by, updated_at,
                            updated_by)
                        overriding system value
                        values (:id, :year, :kecamatan, :opd, :programme, :mechanism, :desa, :title, :amount, :month,
                            'ACTIVE', :at, :by, :at, :by)""",
                created.stream().map(a -> new MapSqlParameterSource("id", a.id()).addValue("year", a.year())
                                .addValue("kecamatan", a.kecamatanCode()).addValue("opd", a.opdCode())
                                .addValue("programme", a.programmeCode()).addValue("mechanism", a.mechanism().name())
                                .addValue("desa", a.desaCode()).addValue("title", a.title())
                                .addValue("amount", a.amount()).addValue("month", a.plannedMonth())
                                .addValue("at", a.createdAt()).addValue("by", a.createdBy()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * The rules of new allocations that need no lock, with the master data they read fetched once per code:
     * a bulk import names the same year, kecamatan, OPD and programme many times, and all its desa in one query.
     */
    private final class RuleLookups {

        private final Set<Integer> openYears = new HashSet<>();
        private final Map<String, KecamatanSummary> kecamatan = new HashMap<>();
        private final Map<String, OpdSummary> opd = new HashMap<>();
        private final Map<String, ProgrammeView> programme = new HashMap<>();
        private final Map<String, DesaSummary> desa;

        RuleLookups(List<NewAllocation> requests) {
            desa = regions.desaByCode(requests.stream().map(r -> blankToNull(r.desaCode())).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
        }

        Checked check(NewAllocation request) {
            AllocationRules.requireWellFormed(request.amount(), request.plannedMonth(), request.title());
            if (openYears.add(request.year())) {
                fiscalYears.requireOpen(request.year());
            }
            KecamatanSummary place = kecamatan.computeIfAbsent(request.kecamatanCode(),
                    AllocationService.this::requireKecamatan);
            OpdSummary agency = opd.computeIfAbsent(request.opdCode(), AllocationService.this::requireActiveOpd);
            ProgrammeView activity = programme.computeIfAbsent(request.programmeCode(),
                    AllocationService.this::requireActiveProgramme);
            String desaCode = blankToNull(request.desaCode());
            DesaSummary village = desaCode == null ? null : desa.get(desaCode);
            if (desaCode != null && village == null) {
                throw new BusinessRuleException("DESA_UNKNOWN", "allocation.desaUnknown", desaCode);
            }
            AllocationRules.requireDesaMatchesMechanism(request.mechanism(), desaCode,
                    village == null ? null : village.kecamatanCode(), request.kecamatanCode());
            return new Checked(place, agency, activity, village);
        }

        /** What a request's checks read: the names its allocation view shows. */
        record Checked(KecamatanSummary kecamatan, OpdSummary opd, ProgrammeView programme, DesaSummary desa) {

            AllocationView created(long id, NewAllocation request, OffsetDateTime at, String by) {
                return new AllocationView(id, request.year(), kecamatan.code(), kecamatan.name(),
                        kecamatan.kabupatenKotaCode(), kecamatan.kabupatenKotaName(), opd.code(), opd.name(),
                        programme.code(), programme.name(), programme.pillar(), request.mechanism(),
                        desa == null ? null : desa.code(), desa == null ? null : desa.name(), request.title().strip(),
                        Rupiah.stored(request.amount()), request.plannedMonth(), AllocationStatus.ACTIVE, NONE, NONE,
                        null, at, by, at, by, 0);
            }
        }
    }

    private KecamatanSummary requireKecamatan(String code) {
        try {
            return regions.kecamatan(code);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("KECAMATAN_UNKNOWN", "allocation.kecamatanUnknown", code);
        }
    }

    private OpdSummary requireActiveOpd(String code) {
        OpdSummary opd;
        try {
            opd = opds.get(code);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("OPD_UNKNOWN", "allocation.opdUnknown", code);
        }
        if (!opd.active()) {
            throw new BusinessRuleException("OPD_INACTIVE", "allocation.opdInactive", opd.name());
        }
        return opd;
    }

    private ProgrammeView requireActiveProgramme(String code) {
        try {
            return programmes.requireActive(code);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("PROGRAMME_UNKNOWN", "allocation.programmeUnknown", code);
        }
    }

    private static String where(AllocationFilter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.year() != null) {
            where.append(" and a.fiscal_year = :year");
            params.addValue("year", filter.year());
        }
        if (filter.kabupatenKotaCode() != null && !filter.kabupatenKotaCode().isBlank()) {
            where.append(" and c.kabupaten_kota_code = :kabupatenKota");
            params.addValue("kabupatenKota", filter.kabupatenKotaCode());
        }
        if (filter.kecamatanCode() != null && !filter.kecamatanCode().isBlank()) {
            where.append(" and a.kecamatan_code = :kecamatan");
            params.addValue("kecamatan", filter.kecamatanCode());
        }
        if (filter.opdCode() != null && !filter.opdCode().isBlank()) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (filter.programmeCode() != null && !filter.programmeCode().isBlank()) {
            where.append(" and a.programme_code = :programme");
            params.addValue("programme", filter.programmeCode());
        }
        if (filter.mechanism() != null) {
            where.append(" and a.mechanism = :mechanism");
            params.addValue("mechanism", filter.mechanism().name());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.addValue("status", filter.status().name());
        }
        return where + scopeClause(params);
    }

    /** An operator's queries see their own OPD only; everyone else's see all. */
    private static String scopeClause(MapSqlParameterSource params) {
        String scope = CurrentUser.opdScope();
        if (scope == null) {
            return "";
        }
        params.addValue("scopeOpd", scope);
        return " and a.opd_code = :scopeOpd";
    }

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "a.id", "kecamatan", "c.name", "opd", "a.opd_code", "programme", "p.name", "title", "a.title",
            "amount", "a.amount", "plannedMonth", "a.planned_month", "status", "a.status",
            "disbursed", "a.disbursed", "realised", "a.realised");

    private static String orderBy(Sort sort) {
        List<String> orders = sort.stream()
                .filter(order -> SORTABLE.containsKey(order.getProperty()))
                .map(order -> SORTABLE.get(order.getProperty()) + (order.isAscending() ? " asc" : " desc"))
                .collect(Collectors.toCollection(ArrayList::new));
        orders.add("a.id desc");
        return " order by " + String.join(", ", orders);
    }

    private static Map<String, Object> state(AllocationView a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", a.year());
        state.put("kecamatanCode", a.kecamatanCode());
        state.put("opdCode", a.opdCode());
        state.put("programmeCode", a.programmeCode());
        state.put("mechanism", a.mechanism());
        state.put("desaCode", a.desaCode());
        state.put("title", a.title());
        state.put("amount", a.amount());
        state.put("plannedMonth", a.plannedMonth());
        state.put("status", a.status());
        state.put("cancelReason", a.cancelReason());
        state.put("version", a.version());
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final String SELECT = """
            select a.id, a.fiscal_year, a.kecamatan_code, c.name as kecamatan_name, k.code as kabupaten_kota_code,
                   k.name as kabupaten_kota_name, a.opd_code, o.name as opd_name, a.programme_code,
                   p.name as programme_name, p.pillar, a.mechanism, a.desa_code, d.name as desa_name, a.title,
                   a.amount, a.planned_month, a.status, a.disbursed, a.realised, a.cancel_reason, a.created_at,
                   a.created_by, a.updated_at, a.updated_by, a.version
            from allocation a
            join kecamatan c on c.code = a.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            join opd o on o.code = a.opd_code
            join programme p on p.code = a.programme_code
            left join desa d on d.code = a.desa_code
            """;

    private static final RowMapper<AllocationView> ROW = (rs, n) -> new AllocationView(rs.getLong("id"),
            rs.getInt("fiscal_year"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
            rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"), rs.getString("opd_code"),
            rs.getString("opd_name"), rs.getString("programme_code"), rs.getString("programme_name"),
            Pillar.valueOf(rs.getString("pillar")), Mechanism.valueOf(rs.getString("mechanism")),
            rs.getString("desa_code"), rs.getString("desa_name"), rs.getString("title"), rs.getBigDecimal("amount"),
            rs.getInt("planned_month"), AllocationStatus.valueOf(rs.getString("status")),
            rs.getBigDecimal("disbursed"), rs.getBigDecimal("realised"), rs.getString("cancel_reason"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getLong("version"));
}
