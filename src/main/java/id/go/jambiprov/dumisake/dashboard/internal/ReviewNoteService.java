package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteAnswered;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteWritten;
import id.go.jambiprov.dumisake.dashboard.domain.ReviewNote;
import id.go.jambiprov.dumisake.dashboard.domain.ReviewNoteRepository;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import id.go.jambiprov.dumisake.region.KecamatanSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Review notes: the expert team (and admins) write them; the OPD concerned and the admins see them and
 * resolve them with a reply. An operator never sees a note of another OPD, nor a kecamatan-wide note.
 * A written and an answered note are announced as events, in the writer's transaction.
 */
@Service
@Transactional
public class ReviewNoteService {

    private static final String ENTITY = "ReviewNote";

    private final ReviewNoteRepository notes;
    private final NamedParameterJdbcTemplate jdbc;
    private final Allocations allocations;
    private final RegionService regions;
    private final OpdService opds;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ReviewNoteService(ReviewNoteRepository notes, NamedParameterJdbcTemplate jdbc, Allocations allocations,
                      RegionService regions, OpdService opds, AuditTrail audit, ApplicationEventPublisher events) {
        this.notes = notes;
        this.jdbc = jdbc;
        this.allocations = allocations;
        this.regions = regions;
        this.opds = opds;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'ADMIN')")
    public ReviewNoteView write(ReviewTarget target, String code, Integer year, String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("TEXT_REQUIRED", "note.textRequired");
        }
        if (text.strip().length() > 2000) {
            throw new BusinessRuleException("TEXT_TOO_LONG", "note.textTooLong");
        }
        ReviewNote note = switch (target) {
            case KECAMATAN -> {
                KecamatanSummary kecamatan = regions.kecamatan(code);
                yield new ReviewNote(target, code, kecamatan.name() + ", " + kecamatan.kabupatenKotaName(), year,
                        null, text, CurrentUser.username());
            }
            case OPD -> {
                OpdSummary opd = opds.get(code);
                yield new ReviewNote(target, code, opd.name(), year, code, text, CurrentUser.username());
            }
            case ALLOCATION -> {
                AllocationView allocation = allocations.get(allocationId(code));
                yield new ReviewNote(target, code, allocation.title() + " (" + allocation.kecamatanName() + ")",
                        allocation.year(), allocation.opdCode(), text, CurrentUser.username());
            }
        };
        ReviewNoteView written = view(notes.saveAndFlush(note));
        audit.record("REVIEW_NOTE_WRITTEN", ENTITY, written.id(), null, written);
        events.publishEvent(new ReviewNoteWritten(written.id(), target.name(), written.targetCode(),
                written.targetLabel(), written.fiscalYear(), written.opdCode(), written.text(), written.createdBy()));
        return written;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public ReviewNoteView resolve(long id, String reply) {
        ReviewNoteView before = get(id);
        ReviewNote note = notes.findById(id).orElseThrow(() -> new NotFoundException("note.notFound", id));
        note.resolve(reply, CurrentUser.username());
        notes.flush();
        ReviewNoteView after = view(note);
        audit.record("REVIEW_NOTE_RESOLVED", ENTITY, id, before, after);
        events.publishEvent(new ReviewNoteAnswered(id, after.targetType().name(), after.targetCode(),
                after.targetLabel(), after.fiscalYear(), after.reply(), after.resolvedBy(), after.createdBy()));
        return after;
    }

    @Transactional(readOnly = true)
    public ReviewNoteView get(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return jdbc.query(SELECT + " where n.id = :id" + OpdScope.sql("n.opd_code", params), params, ROW)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("note.notFound", id));
    }

    /** The notes on one record, newest first. */
    @Transactional(readOnly = true)
    public List<ReviewNoteView> on(ReviewTarget target, String code) {
        MapSqlParameterSource params = new MapSqlParameterSource("type", target.name()).addValue("code", code);
        return jdbc.query(SELECT + " where n.target_type = :type and n.target_code = :code"
                + OpdScope.sql("n.opd_code", params) + " order by n.created_at desc", params, ROW);
    }

    /**
     * A page of the open notes, oldest first, with their number; with a kabupaten/kota only those on its kecamatan
     * and their allocations.
     */
    @Transactional(readOnly = true)
    public Page<ReviewNoteView> open(String kabupatenKotaCode, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        List<ReviewNoteView> rows = jdbc.query(SELECT + " where n.status = 'OPEN'" + OpdScope.sql("n.opd_code", params)
                + inKabupatenKota(kabupatenKotaCode, params)
                + " order by n.created_at, n.id limit :limit offset :offset", params, ROW);
        return PageableExecutionUtils.getPage(rows, pageable, () -> openCount(kabupatenKotaCode));
    }

    /** How many notes {@link #open(String, Pageable)} lists. */
    @Transactional(readOnly = true)
    public long openCount(String kabupatenKotaCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.queryForObject("select count(*) from review_note n where n.status = 'OPEN'"
                + OpdScope.sql("n.opd_code", params) + inKabupatenKota(kabupatenKotaCode, params), params, Long.class);
    }

    /** A note on an OPD belongs to no region: it is left out once a kabupaten/kota is chosen. */
    private static String inKabupatenKota(String kabupatenKotaCode, MapSqlParameterSource params) {
        if (kabupatenKotaCode == null || kabupatenKotaCode.isBlank()) {
            return "";
        }
        params.addValue("kabupatenKota", kabupatenKotaCode);
        return " " + """
                and (n.target_type = 'KECAMATAN' and left(n.target_code, 5) = :kabupatenKota
                     or n.target_type = 'ALLOCATION' and exists (select 1 from allocation a
                        where a.id::text = n.target_code and left(a.kecamatan_code, 5) = :kabupatenKota))""";
    }

    private static long allocationId(String code) {
        try {
            return Long.parseLong(code);
        } catch (NumberFormatException e) {
            throw new NotFoundException("allocation.notFound", code);
        }
    }

    private static ReviewNoteView view(ReviewNote n) {
        return new ReviewNoteView(n.getId(), n.getTargetType(), n.getTargetCode(), n.getTargetLabel(),
                n.getFiscalYear(), n.getOpdCode(), n.getText(), n.isOpen(), n.getReply(), n.getCreatedAt(),
                n.getCreatedBy(), n.getResolvedAt(), n.getResolvedBy(), n.getVersion());
    }

    private static final String SELECT = """
            select n.id, n.target_type, n.target_code, n.target_label, n.fiscal_year, n.opd_code, n.text, n.status,
                   n.reply, n.created_at, n.created_by, n.resolved_at, n.resolved_by, n.version
            from review_note n""";

    private static final RowMapper<ReviewNoteView> ROW = (rs, i) -> new ReviewNoteView(rs.getLong("id"),
            ReviewTarget.valueOf(rs.getString("target_type")), rs.getString("target_code"),
            rs.getString("target_label"), (Integer) rs.getObject("fiscal_year"), rs.getString("opd_code"),
            rs.getString("text"), "OPEN".equals(rs.getString("status")), rs.getString("reply"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolved_by"), rs.getLong("version"));
}
