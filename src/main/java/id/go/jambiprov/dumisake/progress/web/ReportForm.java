package id.go.jambiprov.dumisake.progress.web;

import id.go.jambiprov.dumisake.progress.ProgressReportView;
import id.go.jambiprov.dumisake.progress.ReportedOutput;
import lombok.Data;

import java.util.ArrayList;
import java.util.List;

/** The monthly report form; figures as typed, so that a wrong one comes back to its field as it was. */
@Data
public class ReportForm {

    private Integer month;
    private Long version;
    private String physicalPercent;
    private List<Output> outputs = new ArrayList<>();
    private String narrative;
    private String correctionReason;

    @Data
    public static class Output {
        private Long outputId;
        private String achieved;
    }

    /** The month's report to change, or (version null) a new one starting from the previous report's figures. */
    static ReportForm of(int month, ProgressReportView report, boolean editing, List<ReportedOutput> indicators) {
        ReportForm form = new ReportForm();
        form.setMonth(month);
        for (ReportedOutput indicator : indicators) {
            Output output = new Output();
            output.setOutputId(indicator.outputId());
            form.outputs.add(output);
        }
        if (report == null) {
            return form;
        }
        form.setPhysicalPercent(Numbers.plain(report.physicalPercent()));
        for (Output output : form.outputs) {
            report.outputs().stream().filter(o -> o.outputId() == output.getOutputId()).findFirst()
                    .ifPresent(o -> output.setAchieved(Numbers.plain(o.achieved())));
        }
        if (editing) {
            form.setVersion(report.version());
            form.setNarrative(report.narrative());
            form.setCorrectionReason(report.correctionReason());
        }
        return form;
    }
}
