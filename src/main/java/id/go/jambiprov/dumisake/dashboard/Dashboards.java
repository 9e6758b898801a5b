package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The dashboard's figures for the other capabilities (the reports): the same numbers the dashboard shows,
 * in the caller's scope (an operator sees its OPD's).
 */
@Service
public class Dashboards {

    private final DashboardService dashboard;

    Dashboards(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    public Summary summary(int year, String kabupatenKotaCode) {
        return dashboard.summary(year, kabupatenKotaCode);
    }

    public List<RegionRow> byKabupatenKota(int year) {
        return dashboard.byKabupatenKota(year);
    }

    public List<RegionRow> byKecamatan(int year, String kabupatenKotaCode) {
        return dashboard.byKecamatan(year, kabupatenKotaCode);
    }

    /** Per OPD the pagu is what the OPD was allocated: its own ceiling. */
    public List<RegionRow> byOpd(int year, String kabupatenKotaCode) {
        return dashboard.byOpd(year, kabupatenKotaCode);
    }
}
