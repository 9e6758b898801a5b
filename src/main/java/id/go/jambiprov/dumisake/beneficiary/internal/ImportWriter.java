package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the checked rows of an import, in the import's transaction: locks the allocations it adds aid to and
 * looks at their room again, then writes the new people and the aid with {@code COPY}, reporting progress to
 * the job as it goes.
 */
@Component
class ImportWriter {

    /** Rows per COPY statement when writing: each ended COPY is progress the page can trust. */
    static final int COPY_CHUNK = 5_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Allocations allocations;
    private final AidQueries aid;
    private final ImportJobStore jobs;

    ImportWriter(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Allocations allocations,
                 AidQueries aid, ImportJobStore jobs) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.allocations = allocations;
        this.aid = aid;
        this.jobs = jobs;
    }

    /** What was written. */
    record Written(int beneficiaries, int aid) {
    }

    /**
     * Locks the allocations in one order and refuses the whole file when one has less room left than the
     * file gives from it (another operator used it since the rows were checked); then writes everything.
     */
    Written write(long jobId, List<ImportedPerson> people) {
        Map<Long, BigDecimal> adding = new TreeMap<>();
        people.stream().filter(p -> p.allocation != null)
                .forEach(p -> adding.merge(p.allocation.id(), p.amount, BigDecimal::add));
        for (Map.Entry<Long, BigDecimal> entry : adding.entrySet()) {
            AllocationView allocation = allocations.lockForSpending(entry.getKey());
            BigDecimal remaining = allocation.amount().subtract(aid.aided(entry.getKey()));
            if (AidEligibility.roomRefusal(entry.getValue(), remaining).isPresent()) {
                throw new BusinessRuleException("ALLOCATION_EXCEEDED", "aid.allocationExceeded",
                        Rupiah.format(remaining)).with("allocationId", entry.getKey()).with("remaining", remaining);
            }
        }
        int newPeople = (int) people.stream().filter(p -> p.existingId == null).count();
        int aidRows = (int) people.stream().filter(p -> p.allocation != null).count();
        Progress progress = new Progress(jobId, newPeople + aidRows);
        return new Written(copyBeneficiaries(people, progress), copyAid(people, progress));
    }

    private int copyBeneficiaries(List<ImportedPerson> people, Progress progress) {
        int count = 0;
        try (Copy copy = new Copy("copy beneficiary (nik, name, sex, date_of_birth, desa_code, address, phone,"
                + " welfare_decile, created_by, registered_opd) from stdin with (format csv)", progress)) {
            for (ImportedPerson p : people) {
                if (p.existingId == null) {
                    copy.row(p.nik.value(), p.name, p.nik.sex().name(), p.nik.dateOfBirth(p.today), p.desaCode,
                            p.address, p.phone, p.decile, CurrentUser.username(), CurrentUser.opdScope());
                    count++;
                }
            }
        }
        return count;
    }

    private int copyAid(List<ImportedPerson> people, Progress progress) {
        List<String> niks = people.stream().filter(p -> p.allocation != null).map(p -> p.nik.value()).toList();
        if (niks.isEmpty()) {
            return 0;
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, nik from beneficiary where nik = any(:niks)",
                new MapSqlParameterSource("niks", niks.toArray(String[]::new)),
                rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        // The kept reach (V22_1) is written at the end of every COPY, so an import of several COPYs locks its cells in
        // several statements, and the cells over every OPD and programme are shared by every aid writer of a
        // kabupaten/kota: crossing a concurrent writer they could wait for each other in a circle. Both tables taken
        // at once, after the allocations (which every aid writer locks before its aid), make the other aid writers
        // wait for the import instead; an import is seconds, and rare.
        jdbc.getJdbcTemplate().execute("lock table aid_reach_person, aid_reach in share row exclusive mode");
        try (Copy copy = new Copy("copy aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code,"
                + " amount, description, aid_date, created_by) from stdin with (format csv)", progress)) {
            for (ImportedPerson p : people) {
                if (p.allocation != null) {
                    copy.row(ids.get(p.nik.value()), p.nik.value(), p.allocation.id(), p.allocation.programmeCode(),
                            p.allocation.year(), p.allocation.opdCode(), p.amount, p.description, p.date,
                            CurrentUser.username());
                }
            }
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                // another operator recorded one of these people under the same programme meanwhile
                throw new BusinessRuleException("DOUBLE_RECEIPT", "import.doubleReceiptMeanwhile");
            }
            throw e;
        }
        return niks.size();
    }

    /** Records written so far, reported to the job at the end of every COPY. */
    private final class Progress {

        private final long jobId;
        private final int total;
        private int written;

        Progress(long jobId, int total) {
            this.jobId = jobId;
            this.total = total;
            jobs.writing(jobId, total, 0);
        }

        void wrote(int records) {
            written += records;
            jobs.writing(jobId, total, written);
        }
    }

    /**
     * {@code COPY … FROM STDIN} on the transaction's own connection, so that it commits or rolls back with
     * the rest: one COPY per {@link #COPY_CHUNK} rows, because the server may still be working through rows
     * long after the client has sent them, and only a COPY that has ended says that its rows are written.
     */
    private final class Copy implements AutoCloseable {

        private final String sql;
        private final Progress progress;
        private final StringBuilder buffer = new StringBuilder();
        private final CSVPrinter printer;
        private int buffered;

        Copy(String sql, Progress progress) {
            this.sql = sql;
            this.progress = progress;
            try {
                this.printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(Object... values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++buffered == COPY_CHUNK) {
                send();
            }
        }

        private void send() {
            if (buffered == 0) {
                return;
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(buffer.toString()));
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            buffer.setLength(0);
            progress.wrote(buffered);
            buffered = 0;
        }

        @Override
        public void close() {
            send();
        }
    }
}
