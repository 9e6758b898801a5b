package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import id.go.jambiprov.dumisake.monev.domain.TrafficLightPolicy;
import id.go.jambiprov.dumisake.monev.internal.StalledReadModel.AllocationProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Puts "Kenapa belum jalan?" together: an allocation is stalled when it has not started
 * ({@link PlanCurve#notStarted}) or its traffic light is red ({@link TrafficLightPolicy}), the same light the
 * deviation table shows.
 */
@Service
public class StalledService {

    /** The stalled allocations listed on the page; the kecamatan table still counts all of them. */
    static final int SHOWN = 200;

    static final List<String> CATEGORIES = List.of("ADMINISTRASI", "DATA_PENERIMA", "PENGADAAN", "SDM", "ANGGARAN",
            "KONDISI_LAPANGAN", "LAINNYA");

    private static final Comparator<StalledView.Allocation> MOST_URGENT_FIRST =
            Comparator.comparing((StalledView.Allocation a) -> !a.escalated())
                    .thenComparing(a -> a.obstacles().isEmpty())
                    .thenComparing(a -> !a.notStarted())
                    .thenComparing(a -> a.figures().deviation(), Comparator.reverseOrder())
                    .thenComparing(StalledView.Allocation::id);

    private final StalledReadModel readModel;
    private final ThresholdService thresholds;
    private final Clock clock;

    StalledService(StalledReadModel readModel, ThresholdService thresholds, Clock clock) {
        this.readModel = readModel;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StalledView of(int year, String kabupatenKotaCode) {
        LocalDate today = LocalDate.now(clock);
        MonevScope scope = MonevScope.of(year, kabupatenKotaCode, today);
        TrafficLightPolicy policy = thresholds.policy();
        List<OpenObstacle> obstacles = readModel.openObstacles(scope, today);
        Map<Long, List<OpenObstacle>> byAllocation = obstacles.stream()
                .collect(Collectors.groupingBy(OpenObstacle::allocationId, LinkedHashMap::new, Collectors.toList()));

        List<StalledView.Allocation> stalled = new ArrayList<>();
        for (AllocationProgress a : readModel.allocations(scope)) {
            DeviationRow row = DeviationService.row(String.valueOf(a.id()), a.title(),
                    a.kecamatanName() + ", " + a.kabupatenKotaName(), 1, a.figures(), policy);
            boolean notStarted = PlanCurve.notStarted(a.plannedMonth(), scope.month(), a.figures().realised(),
                    a.highestPhysical());
            if (notStarted || row.status() == TrafficLight.RED) {
                stalled.add(new StalledView.Allocation(a.id(), a.title(), a.opdName(), a.kecamatanCode(), a.kecamatanName(),
                        a.kabupatenKotaName(), row, notStarted, byAllocation.getOrDefault(a.id(), List.of())));
            }
        }
        stalled.sort(MOST_URGENT_FIRST);
        return new StalledView(scope.month(), kecamatan(stalled), List.copyOf(stalled.subList(0,
                Math.min(SHOWN, stalled.size()))), stalled.size(),
                stalled.stream().filter(StalledView.Allocation::notStarted).count(),
                stalled.stream().filter(StalledView.Allocation::red).count(),
                obstacles.size(), obstacles.stream().filter(OpenObstacle::escalated).count(),
                CATEGORIES, byOpd(obstacles));
    }

    /** The kecamatan of the stalled allocations: those with escalated obstacles first, then the most stalled. */
    private static List<StalledView.Kecamatan> kecamatan(List<StalledView.Allocation> stalled) {
        Map<String, List<StalledView.Allocation>> byKecamatan = stalled.stream().collect(Collectors.groupingBy(
                StalledView.Allocation::kecamatanCode, TreeMap::new, Collectors.toList()));
        return byKecamatan.entrySet().stream().map(e -> {
                    List<StalledView.Allocation> list = e.getValue();
                    StalledView.Allocation first = list.get(0);
                    return new StalledView.Kecamatan(e.getKey(), first.kecamatanName(), first.kabupatenKotaName(),
                            (int) list.stream().filter(StalledView.Allocation::notStarted).count(),
                            (int) list.stream().filter(StalledView.Allocation::red).count(),
                            list.stream().mapToInt(a -> a.obstacles().size()).sum(),
                            (int) list.stream().flatMap(a -> a.obstacles().stream()).filter(OpenObstacle::escalated).count());
                })
                .sorted(Comparator.comparing(StalledView.Kecamatan::escalatedObstacles, Comparator.reverseOrder())
                        .thenComparing(k -> k.notStarted() + k.red(), Comparator.reverseOrder())
                        .thenComparing(StalledView.Kecamatan::code))
                .toList();
    }

    private static List<StalledView.OpdObstacles> byOpd(List<OpenObstacle> obstacles) {
        Map<String, List<OpenObstacle>> byOpd = obstacles.stream()
                .collect(Collectors.groupingBy(OpenObstacle::opdCode, TreeMap::new, Collectors.toList()));
        return byOpd.values().stream().map(list -> new StalledView.OpdObstacles(list.get(0).opdCode(),
                        list.get(0).opdName(),
                        CATEGORIES.stream().map(c -> (int) list.stream().filter(o -> o.category().equals(c)).count()).toList(),
                        list.size()))
                .sorted(Comparator.comparing(StalledView.OpdObstacles::total, Comparator.reverseOrder())
                        .thenComparing(StalledView.OpdObstacles::opdCode))
                .toList();
    }
}
