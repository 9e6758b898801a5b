package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.obstacle.NewFollowUp;
import id.go.jambiprov.dumisake.obstacle.NewObstacle;
import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleDetails;
import id.go.jambiprov.dumisake.obstacle.ObstacleFilter;
import id.go.jambiprov.dumisake.obstacle.Obstacles;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Demo obstacles of the default profile on 2026 allocations that have realised nothing yet: the kendala typical
 * of the field, most followed up, a few escalated to the expert team (one of DISDIK with the team's comment and
 * the agency's reply), some resolved. Deterministic (which allocations: see {@link #notStarted}),
 * written through the obstacles' API as the people who would write them, so checked and audited like their work.
 */
@Component
@Profile("!prod")
@Order(50)
class DemoObstacles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoObstacles.class);
    private static final int YEAR = 2026;
    private static final int COUNT = 18;
    private static final String ADMIN = "admin";
    private static final String EXPERT = "ahli";
    private static final String SHOWCASE_OPD = "DISDIK";
    private static final int WORKERS = 3;

    /** A kendala as an OPD writes it, with the follow-up it would take and how it would end. */
    private record Typical(ObstacleCategory category, String description, String action, String responsible,
                           String resolution) {
    }

    private static final List<Typical> TYPICAL = List.of(
            new Typical(ObstacleCategory.DATA_PENERIMA, "SK penerima belum ditetapkan; daftar calon penerima masih diverifikasi desa",
                    "Rapat koordinasi dengan Dinas Sosial kabupaten untuk mempercepat SK penerima", "Kepala bidang",
                    "SK penerima ditetapkan dan daftar penerima diterima OPD"),
            new Typical(ObstacleCategory.PENGADAAN, "Gagal lelang: tidak ada penyedia yang memenuhi syarat kualifikasi",
                    "Tender ulang dengan HPS dan syarat kualifikasi yang disesuaikan", "Pokja pemilihan UKPBJ",
                    "Tender ulang menetapkan pemenang; kontrak ditandatangani"),
            new Typical(ObstacleCategory.KONDISI_LAPANGAN, "Akses jalan ke lokasi putus saat musim hujan; material tidak dapat diangkut",
                    "Pengangkutan material dijadwalkan ulang dan lewat jalur sungai", "PPTK kegiatan",
                    "Material diangkut setelah jalan diperbaiki kabupaten"),
            new Typical(ObstacleCategory.ADMINISTRASI, "SPJ tahap 1 belum lengkap sehingga tahap 2 belum dapat diajukan",
                    "Pendampingan penyusunan SPJ oleh bendahara OPD", "Bendahara pengeluaran",
                    "SPJ tahap 1 dilengkapi dan diverifikasi"),
            new Typical(ObstacleCategory.SDM, "Pergantian PPTK; PPTK baru belum ditetapkan",
                    "Usulan SK PPTK baru kepada kepala dinas", "Sekretaris dinas",
                    "PPTK baru ditetapkan dengan SK kepala dinas"),
            new Typical(ObstacleCategory.ANGGARAN, "Anggaran kas belum disesuaikan sehingga SP2D tertunda",
                    "Pengajuan revisi anggaran kas ke BPKPD", "Kepala subbagian keuangan",
                    "Anggaran kas direvisi; SP2D terbit"),
            new Typical(ObstacleCategory.DATA_PENERIMA, "NIK sebagian calon penerima tidak padan dengan data Dukcapil",
                    "Pemadanan NIK bersama Disdukcapil kabupaten", "Operator data OPD",
                    "NIK dipadankan; penerima yang tidak padan diganti"),
            new Typical(ObstacleCategory.LAINNYA, "Lokasi kegiatan tumpang tindih dengan program kabupaten",
                    "Koordinasi lokasi dengan Bappeda kabupaten", "Kepala bidang perencanaan",
                    "Lokasi dipindahkan ke desa yang belum tersentuh program kabupaten"));

    private final Allocations allocations;
    private final Obstacles obstacles;
    private final OpdService opds;
    private final DemoUsers users;
    private final Clock clock;

    DemoObstacles(Allocations allocations, Obstacles obstacles, OpdService opds, DemoUsers users, Clock clock) {
        this.allocations = allocations;
        this.obstacles = obstacles;
        this.opds = opds;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean loaded = users.as(ADMIN, () -> obstacles.search(new ObstacleFilter(YEAR, null, null, null, null, null),
                PageRequest.of(0, 1)).getTotalElements() > 0);
        if (loaded) {
            return;
        }
        long started = System.nanoTime();
        List<AllocationView> chosen = users.as(ADMIN, this::notStarted);
        LocalDate today = LocalDate.now(clock);
        inParallel(IntStream.range(0, chosen.size())
                .mapToObj(i -> (Runnable) () -> write(chosen.get(i), i, today)).toList());
        log.info("Demo data: {} obstacles in {} ms", chosen.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** A few obstacles at a time: each is its own allocation's, so they share no row; one by one took 2 s. */
    private static void inParallel(List<Runnable> writes) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            for (Future<?> done : workers.invokeAll(writes.stream().map(Executors::callable).toList())) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo obstacles interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo obstacles refused", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The red allocations that are behind in the field ({@link DemoLots}: far behind or not started), those without
     * realisation first:
     * DISDIK's first, then the first of every other agency, then every seventh of the rest, by id — field obstacles
     * of many agencies, not only of the one with the most allocations.
     */
    private List<AllocationView> notStarted() {
        // the ones behind in the field; those that only stopped reporting are left to the month-end reminders
        List<AllocationView> waiting = new ArrayList<>();
        for (OpdSummary opd : opds.all()) {
            DemoPicks.eachOfOpd(allocations, YEAR, opd.code(), (allocation, index) -> {
                DemoLots.Lot lot = DemoLots.of(allocation.id(), index);
                if (lot.red() && lot != DemoLots.Lot.STOPPED) {
                    waiting.add(allocation);
                }
            });
        }
        waiting.sort(Comparator.comparing((AllocationView a) -> a.realised().signum() != 0)
                .thenComparingLong(AllocationView::id));
        Map<String, AllocationView> firstOfOpd = new LinkedHashMap<>();
        waiting.stream().filter(a -> a.opdCode().equals(SHOWCASE_OPD)).findFirst()
                .ifPresent(a -> firstOfOpd.put(a.opdCode(), a));
        waiting.forEach(a -> firstOfOpd.putIfAbsent(a.opdCode(), a));
        Set<AllocationView> chosen = new LinkedHashSet<>(firstOfOpd.values());
        for (int i = 0; i < waiting.size() && chosen.size() < COUNT; i += 7) {
            chosen.add(waiting.get(i));
        }
        return chosen.stream().limit(COUNT).toList();
    }

    /**
     * The {@code i}-th obstacle: the first (DISDIK's) escalated, commented on by the expert team and answered;
     * of the others two in three followed up, one in five escalated, one in four resolved.
     */
    private void write(AllocationView allocation, int i, LocalDate today) {
        Typical typical = TYPICAL.get(i % TYPICAL.size());
        String operator = DemoUsers.operatorOf(allocation.opdCode());
        LocalDate planned = LocalDate.of(YEAR, allocation.plannedMonth(), 1 + i);
        LocalDate since = planned.isAfter(today.minusDays(7)) ? today.minusDays(7) : planned;
        long id = users.as(operator, () -> obstacles.raise(new NewObstacle(allocation.id(), typical.category(),
                typical.description(), since, null))).id();
        boolean showcase = i == 0;
        if (showcase || i % 3 != 0) {
            users.as(operator, () -> obstacles.followUp(id, new NewFollowUp(typical.action(), typical.responsible(),
                    since.plusDays(30)), null));
        }
        if (showcase || i % 5 == 0) {
            users.as(operator, () -> obstacles.escalate(id, null));
            users.as(EXPERT, () -> obstacles.comment(id, "Tim ahli akan mengundang OPD dan pemerintah kabupaten "
                    + "dalam rapat koordinasi pekan depan; mohon siapkan data pendukungnya."));
        }
        if (showcase) {
            users.as(operator, () -> obstacles.comment(id, "Baik, data pendukung sudah kami siapkan."));
        } else if (i % 4 == 3) {
            users.as(i % 8 == 3 ? operator : ADMIN, () -> resolve(id, typical.resolution()));
        }
    }

    private ObstacleDetails resolve(long id, String resolution) {
        return obstacles.resolve(id, resolution, null);
    }
}
