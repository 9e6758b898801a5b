package id.go.jambiprov.dumisake.photo.web;

import id.go.jambiprov.dumisake.photo.FieldPhotos;
import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.photo.internal.PhotoUploads;
import id.go.jambiprov.dumisake.photo.internal.UploadedPhotos;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The photo page of a progress report (its photos with their flags, the upload form, the pin map) and the
 * photo section the kecamatan dashboard page loads from here, so that the dashboard knows nothing of photos.
 */
@Controller
class ReportPhotoController {

    private final FieldPhotos photos;
    private final PhotoUploads uploads;
    private final Flash flash;

    ReportPhotoController(FieldPhotos photos, PhotoUploads uploads, Flash flash) {
        this.photos = photos;
        this.uploads = uploads;
        this.flash = flash;
    }

    @GetMapping("/laporan-kemajuan/{reportId}/foto")
    String page(@PathVariable long reportId, Model model) {
        return page(photos.report(reportId), model);
    }

    @PostMapping("/laporan-kemajuan/{reportId}/foto")
    String upload(@PathVariable long reportId, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PhotoReport report = photos.report(reportId);
        try {
            var photo = uploads.upload(report.allocationId(), reportId, UploadedPhotos.read(file));
            flash.success(redirect, photo.flagged() ? "photo.uploadedFlagged" : "photo.uploaded", photo.fileName());
            return "redirect:/laporan-kemajuan/" + reportId + "/foto";
        } catch (BusinessRuleException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("fileError", flash.text(refused.messageKey(), refused.arguments()));
            return page(report, model);
        }
    }

    @GetMapping("/foto-lapangan/kecamatan/{kecamatanCode}")
    String kecamatanSection(@PathVariable String kecamatanCode, @RequestParam int year, Model model) {
        model.addAttribute("photos", photos.ofKecamatan(kecamatanCode, year));
        model.addAttribute("kecamatanCode", kecamatanCode);
        model.addAttribute("year", year);
        return "photo/kecamatan :: section";
    }

    private String page(PhotoReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("photos", photos.ofReport(report.reportId()));
        return "photo/report";
    }
}
