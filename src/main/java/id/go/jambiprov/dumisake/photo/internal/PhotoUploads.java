package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.photo.PhotoUpload;
import id.go.jambiprov.dumisake.photo.PhotoView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Adding a field photo to a progress report: by the operator of the allocation's OPD or an admin (the expert
 * team reads only). The report is checked first (another OPD's is "not found"; a closed year refuses), then the
 * file is processed outside any transaction, then stored. A refused file writes nothing.
 */
@Service
public class PhotoUploads {

    private final ReportReads reports;
    private final PhotoProcessor processor;
    private final PhotoRecorder recorder;
    private final PhotoQueries queries;

    PhotoUploads(ReportReads reports, PhotoProcessor processor, PhotoRecorder recorder, PhotoQueries queries) {
        this.reports = reports;
        this.processor = processor;
        this.recorder = recorder;
        this.queries = queries;
    }

    /**
     * @param allocationId the allocation the caller named the report under, or null when it named the report alone
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public PhotoView upload(Long allocationId, long reportId, PhotoUpload upload) {
        PhotoReport report = reports.visible(reportId);
        if (allocationId != null && allocationId != report.allocationId()) {
            throw ReportReads.notFound(reportId);
        }
        if (report.yearClosed()) {
            throw new BusinessRuleException("FISCAL_YEAR_CLOSED", "photo.error.yearClosed", report.fiscalYear());
        }
        ProcessedPhoto photo = processor.process(upload, report);
        return queries.get(recorder.record(report, photo));
    }
}
