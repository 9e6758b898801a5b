package id.go.jambiprov.dumisake.poverty.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.poverty.Figure;
import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.RegionFigures;
import id.go.jambiprov.dumisake.poverty.domain.FigurePolicy;
import id.go.jambiprov.dumisake.poverty.domain.PovertyFigure;
import id.go.jambiprov.dumisake.poverty.domain.PovertyFigureRepository;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.domain.Violation;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes which official figure counts, for admins only: set figures (form, API, import), withdraw one, or
 * choose an alternative. Every region, year and period written is locked first (a transaction-level advisory
 * lock, so on every instance), every submission is checked by {@link FigurePolicy} against what counts now
 * before anything is written, and each change is audited in the same transaction. Concurrent writers are
 * serialised and the last one wins: nothing is lost, since the value that counted before stays as an
 * alternative and the audit trail says who changed what.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class PovertyFigureService {

    static final String ENTITY = "PovertyFigure";

    private final PovertyFigureRepository figures;
    private final PovertyFigureQueries queries;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ViolationMessages messages;
    private final Clock clock;

    PovertyFigureService(PovertyFigureRepository figures, PovertyFigureQueries queries, JdbcClient jdbc,
                         AuditTrail audit, ViolationMessages messages, Clock clock) {
        this.figures = figures;
        this.queries = queries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The rules as they hold today (the known regions, next year as the last allowed). */
    @Transactional(readOnly = true)
    public FigurePolicy policy() {
        return new FigurePolicy(queries.regionNames().keySet(), LocalDate.now(clock.withZone(JambiTime.ZONE)).getYear());
    }

    /** One region's figures of a year and period, to edit; a code that is no region is not found. */
    @Transactional(readOnly = true)
    public RegionFigures forEditing(int year, String code, Period period) {
        if (!queries.regionNames().containsKey(code)) {
            throw new NotFoundException("poverty.regionNotFound", code);
        }
        return queries.of(year, code, period);
    }

    /** Writes all submissions or none; returns how many figures now count that did not before. */
    public int apply(List<Submission> submissions) {
        return apply(submissions, List.of());
    }

    /**
     * The rows of an import file: all written or none, refused also for the violations found while reading it
     * (cells that are no number, repeated rows), with one audit event for the file besides one per figure.
     */
    public int applyImport(String fileName, List<Submission> submissions, List<Violation> earlier) {
        int changed = apply(submissions, earlier);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", fileName);
        summary.put("rows", submissions.size());
        summary.put("figures", changed);
        audit.record("POVERTY_FIGURES_IMPORTED", ENTITY, null, null, summary);
        return changed;
    }

    private int apply(List<Submission> submissions, List<Violation> earlier) {
        List<Submission> ordered = submissions.stream().sorted(Comparator.comparing(Submission::key)).toList();
        ordered.stream().map(Submission::key).distinct().forEach(this::lock);
        FigurePolicy policy = policy();
        List<Violation> violations = new ArrayList<>(earlier);
        Map<Submission, List<PovertyFigure>> current = new LinkedHashMap<>();
        for (Submission submission : submissions) {
            List<PovertyFigure> rows = submission.year() == null || submission.code() == null ? List.of()
                    : figures.findByRegionCodeAndYearAndPeriodOrderById(submission.code(), submission.year(),
                    submission.period());
            current.put(submission, rows);
            violations.addAll(policy.check(submission, chosenValues(rows)));
        }
        if (!violations.isEmpty()) {
            throw messages.refusal(violations.stream().sorted(Comparator.comparingInt(Violation::row)).toList());
        }
        int changed = 0;
        for (Submission submission : submissions) {
            changed += write(submission, current.get(submission));
        }
        return changed;
    }

    /** Makes an alternative the value that counts; the one that counted before becomes an alternative. */
    public void choose(long figureId) {
        // the figure is read as an entity only once its region, year and period are locked, so that it is fresh
        Figure figure = queries.figure(figureId);
        if (figure == null) {
            throw new NotFoundException("poverty.figureNotFound", figureId);
        }
        lock(figure.regionCode() + "/" + figure.year() + "/" + figure.period());
        PovertyFigure wanted = figures.findById(figureId)
                .orElseThrow(() -> new NotFoundException("poverty.figureNotFound", figureId));
        if (wanted.isChosen()) {
            return;
        }
        List<PovertyFigure> rows = figures.findByRegionCodeAndYearAndPeriodOrderById(wanted.getRegionCode(),
                wanted.getYear(), wanted.getPeriod());
        Submission asIfSet = new Submission(0, wanted.getYear(), wanted.getRegionCode(), wanted.getPeriod(),
                Map.of(wanted.getIndicator(), wanted.getValue()), Set.of(), wanted.getSource(), null, null);
        List<Violation> violations = policy().check(asIfSet, chosenValues(rows));
        if (!violations.isEmpty()) {
            throw messages.refusal(violations);
        }
        Optional<PovertyFigure> before = chosen(rows, wanted.getIndicator());
        String name = regionName(wanted.getRegionCode());
        before.ifPresent(this::setAside);
        wanted.choose(username(), now());
        figures.saveAndFlush(wanted);
        audit.record("POVERTY_FIGURE_CHOSEN", ENTITY, wanted.getId(), before.map(b -> state(b, name)).orElse(null),
                state(wanted, name));
    }

    private int write(Submission submission, List<PovertyFigure> rows) {
        String name = regionName(submission.code());
        int changed = 0;
        Map<Indicator, BigDecimal> inOrder = new EnumMap<>(Indicator.class);
        inOrder.putAll(submission.values());
        for (Map.Entry<Indicator, BigDecimal> entry : inOrder.entrySet()) {
            Indicator indicator = entry.getKey();
            BigDecimal value = entry.getValue();
            Optional<PovertyFigure> before = chosen(rows, indicator);
            if (before.isPresent() && before.get().says(value, submission.source())) {
                continue;
            }
            before.ifPresent(this::setAside);
            PovertyFigure after = rows.stream()
                    .filter(f -> !f.isChosen() && f.getIndicator() == indicator && f.says(value, submission.source()))
                    .findFirst().orElse(null);
            if (after == null) {
                after = new PovertyFigure(submission.code(), submission.year(), submission.period(), indicator, value,
                        submission.source(), submission.sourceBody(), submission.note(), username(), now());
            } else {
                after.choose(username(), now());
            }
            figures.saveAndFlush(after);
            audit.record("POVERTY_FIGURE_SET", ENTITY, after.getId(), before.map(b -> state(b, name)).orElse(null),
                    state(after, name));
            changed++;
        }
        for (Indicator indicator : submission.withdrawn()) {
            Optional<PovertyFigure> before = chosen(rows, indicator);
            if (before.isPresent() && !submission.values().containsKey(indicator)) {
                setAside(before.get());
                audit.record("POVERTY_FIGURE_WITHDRAWN", ENTITY, before.get().getId(), state(before.get(), name),
                        null);
                changed++;
            }
        }
        return changed;
    }

    /** Set aside first and flushed, so that the one-chosen index never sees two chosen rows. */
    private void setAside(PovertyFigure figure) {
        figure.setAside(username(), now());
        figures.saveAndFlush(figure);
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "poverty-figure/" + key)
                .query((rs, i) -> 1).list();
    }

    private static Optional<PovertyFigure> chosen(List<PovertyFigure> rows, Indicator indicator) {
        return rows.stream().filter(f -> f.isChosen() && f.getIndicator() == indicator).findFirst();
    }

    private static Map<Indicator, BigDecimal> chosenValues(List<PovertyFigure> rows) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        rows.stream().filter(PovertyFigure::isChosen).forEach(f -> values.put(f.getIndicator(), f.getValue()));
        return values;
    }

    private String regionName(String code) {
        return Objects.requireNonNullElse(queries.regionNames().get(code), code);
    }

    /** What the audit trail keeps of a figure: readable names and codes of closed lists, never the entity. */
    private static Map<String, Object> state(PovertyFigure figure, String regionName) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("regionName", regionName);
        state.put("year", figure.getYear());
        state.put("period", figure.getPeriod().name());
        state.put("indicator", figure.getIndicator().name());
        state.put("value", PovertyFigureQueries.published(figure.getValue()));
        state.put("source", figure.getSource());
        state.put("sourceBody", figure.getSourceBody());
        state.put("note", figure.getNote());
        state.put("chosen", figure.isChosen());
        return state;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String username() {
        return CurrentUser.username();
    }
}
