package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.beneficiary.domain.ImportFile;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import id.go.jambiprov.dumisake.shared.tabular.ImportTempFiles;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Beneficiary imports in the background, so that a 100,000-row file shows its progress instead of holding
 * the request. At most {@link #THREADS} are taken on at once per instance and {@link #QUEUE} wait (each holds
 * its file in memory and, while queued or running, one database connection for its lock); a further upload
 * is told to try again shortly. A job taken on still waits for its turn at the instance's {@link ImportGate},
 * which it shares with the other imports. One import per OPD at a time, across instances: the database refuses a second.
 */
@Service
public class BeneficiaryImportJobs {

    static final int THREADS = 2;
    static final int QUEUE = 4;

    private static final Logger log = LoggerFactory.getLogger(BeneficiaryImportJobs.class);

    private final BeneficiaryImportService imports;
    private final ImportJobStore store;
    private final ImportJobQueries queries;
    private final ThreadPoolExecutor executor;
    private final ImportGate gate;

    BeneficiaryImportJobs(BeneficiaryImportService imports, ImportJobStore store, ImportJobQueries queries,
                          ImportGate gate) {
        this.imports = imports;
        this.store = store;
        this.queries = queries;
        this.gate = gate;
        AtomicInteger threads = new AtomicInteger();
        // a pool of our own: an Executor bean would replace the application's default task executor
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                work -> {
                    Thread thread = new Thread(work, "beneficiary-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts importing the file in the background as the caller (their OPD, their language for the messages).
     *
     * @return the new job, QUEUED
     * @throws BusinessRuleException an empty file ({@code IMPORT_EMPTY}), another import of the OPD still
     *                               running ({@code IMPORT_RUNNING}) or too many imports at once ({@code IMPORT_BUSY})
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public ImportJobView start(String fileName, Resource upload) {
        String name = BeneficiaryImportService.nameOf(fileName);
        ImportFile.requireSize(sizeOf(upload));
        SecurityContext context = SecurityContextHolder.getContext();
        Locale locale = LocaleContextHolder.getLocale();
        ImportJobStore.Handle job = store.open(name, CurrentUser.username(), CurrentUser.opdScope());
        // on the disk, not in the heap, until its turn: the upload's own file goes with the request
        Path kept = ImportTempFiles.keep(upload);
        try {
            executor.execute(() -> run(job, name, kept, context, locale));
        } catch (RejectedExecutionException e) {
            ImportTempFiles.delete(kept);
            store.stopped(job.id, ImportJobStatus.FAILED, "IMPORT_BUSY", null);
            job.close();
            throw new BusinessRuleException("IMPORT_BUSY", "import.busy");
        }
        return get(job.id);
    }

    private static long sizeOf(Resource upload) {
        try {
            return upload == null ? 0 : upload.contentLength();
        } catch (IOException e) {
            throw new UncheckedIOException("An upload could not be measured", e);
        }
    }

    private void run(ImportJobStore.Handle job, String name, Path kept, SecurityContext context, Locale locale) {
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        empty.setAuthentication(context.getAuthentication());
        SecurityContextHolder.setContext(empty);
        LocaleContextHolder.setLocale(locale);
        try (job) {
            // QUEUED until the instance has room for another import (see ImportGate)
            gate.whenTurn(() -> imports.run(job.id, name, ImportTempFiles.read(kept)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BusinessRuleException e) {
            // the job says why; nobody is waiting for the exception
        } catch (RuntimeException e) {
            log.error("Beneficiary import {} failed", job.id, e);
        } finally {
            ImportTempFiles.delete(kept);
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** The job, if the caller may see it: admins see all, an operator the jobs of their OPD (else 404). */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public ImportJobView get(long id) {
        return queries.find(id, CurrentUser.opdScope()).orElseThrow(() -> new NotFoundException("import.notFound", id));
    }

    /** The latest jobs the caller may see, newest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public List<ImportJobView> latest(int limit) {
        return queries.latest(CurrentUser.opdScope(), limit);
    }

    /**
     * On start-up: a job still queued or running was left by an instance that stopped mid-import (its file
     * went with it, and its transaction rolled back). It is marked failed, with a message saying so.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void failAbandonedJobs() {
        int failed = store.failAbandoned();
        if (failed > 0) {
            log.warn("{} beneficiary import(s) left running by a stopped instance marked failed", failed);
        }
    }

    /** Imports still running when the application stops are interrupted; their jobs are marked failed. */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
