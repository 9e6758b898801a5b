package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.RegionNotFoundException;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Beneficiaries of direct aid: registering them and showing them. The full NIK is shown to admins and to operators of
 * the OPD that registered the person or recorded aid for them; everybody else sees it masked, with the year
 * of birth instead of the date. An admin who is shown a full NIK leaves a {@code NIK_VIEWED} audit event,
 * because nobody's own work needs it. Exact NIK search is limited, audited and tells another OPD's operator
 * no more than "registered" ({@link #checkNik}). Recording and cancelling aid is {@link AidService}'s; the
 * lists and counts are {@link BeneficiaryQueries} and {@link AidQueries}.
 */
@Service
@Transactional
public class BeneficiaryService {

    private static final String ENTITY = "Beneficiary";

    private final NamedParameterJdbcTemplate jdbc;
    private final BeneficiaryQueries people;
    private final AidQueries aid;
    private final RegionService regions;
    private final AuditTrail audit;
    private final NikSearchLimit searchLimit;
    private final Clock clock;

    BeneficiaryService(NamedParameterJdbcTemplate jdbc, BeneficiaryQueries people, AidQueries aid,
                       RegionService regions, AuditTrail audit, NikSearchLimit searchLimit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.aid = aid;
        this.regions = regions;
        this.audit = audit;
        this.searchLimit = searchLimit;
        this.clock = clock;
    }

    /**
     * Registers a person. Refusing a NIK that is registered already tells whether it is, as a NIK search does:
     * when the person is not one the caller's OPD may see, that refusal counts and is audited as one
     * ({@link #checkNik}), which is why refusals commit. A registration that succeeds is never held back by
     * the limit: it is audited by itself, and answers nothing about anybody else.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    @Transactional(noRollbackFor = {BusinessRuleException.class, TooManyRequestsException.class})
    public BeneficiaryView register(NewBeneficiary person) {
        LocalDate today = LocalDate.now(clock);
        Nik nik = checked(person, today);
        DesaSummary desa = desa(person.desaCode());
        Optional<BeneficiaryView> existing = people.byNik(nik.value());
        if (existing.isPresent()) {
            if (!ownOpd(existing.get())) {
                searchLimit.admit(nik.masked());
                searchLimit.searched(nik.masked(), existing.get().id());
            }
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
        BeneficiaryView created = people.byId(id).orElseThrow();
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
        Optional<BeneficiaryView> found = people.byNik(nik.value());
        searchLimit.searched(nik.masked(), found.map(BeneficiaryView::id).orElse(null));
        // the admin typed the NIK: seeing it is no disclosure, and the search is audited already
        return new NikCheck(nik.masked(), found.isPresent(),
                found.filter(this::visibleToCaller).orElse(null));
    }

    /**
     * Counts the rows of an import file that name a person the caller's OPD may not see (registered by another
     * OPD, and without aid of the caller's OPD; for an admin, who has no OPD, every registered person, as every
     * search of theirs counts) as NIK searches: the import's answer tells for each whether the NIK is
     * registered. Runs in a transaction of its own before the file is checked, so that the searches and a
     * refusal stay in the audit trail whatever becomes of the import.
     *
     * @param niks the NIK column of the file, as typed
     * @throws BusinessRuleException {@code IMPORT_NIK_SEARCH_LIMIT} when the file has more such NIKs than the
     *                               account has searches left; nothing of the file is written then
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public void admitImport(List<String> niks) {
        String scope = CurrentUser.opdScope();
        MapSqlParameterSource params = new MapSqlParameterSource("niks", niks.toArray(String[]::new))
                .addValue("scope", scope);
        Map<Long, String> hidden = new LinkedHashMap<>();
        jdbc.query("select b.id, b.nik from beneficiary b where b.nik = any(:niks)" + (scope == null ? "" : """
                         and b.registered_opd is distinct from :scope
                         and not exists (select 1 from aid a where a.beneficiary_id = b.id and a.opd_code = :scope
                                                               and a.status <> 'CANCELLED')""")
                        + " order by b.id", params,
                rs -> {
                    hidden.put(rs.getLong(1), Nik.mask(rs.getString(2)));
                });
        searchLimit.admitImport(hidden);
    }

    public BeneficiaryView get(long id) {
        return people.byId(id).map(b -> view(b, true))
                .orElseThrow(() -> new NotFoundException("beneficiary.notFound", id));
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
        return full.masked();
    }

    /** Whether the caller may see this person with the full NIK: an admin, or an operator of their OPD. */
    private boolean visibleToCaller(BeneficiaryView full) {
        return admin() || ownOpd(full);
    }

    /**
     * Whether the person is one of the caller's OPD: registered by it or given aid by it. Answers about them
     * reveal nothing to the caller, so they are no NIK search; an admin has no OPD.
     */
    static boolean ownOpd(BeneficiaryView full) {
        String scope = CurrentUser.opdScope();
        return scope != null && (scope.equals(full.registeredOpd()) || full.aidOpds().contains(scope));
    }

    static boolean admin() {
        return CurrentUser.get().getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
