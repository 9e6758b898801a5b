package id.go.jambiprov.dumisake.opd.api;

import id.go.jambiprov.dumisake.opd.OpdService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class OpdApiController {

    private final OpdService opds;

    OpdApiController(OpdService opds) {
        this.opds = opds;
    }

    @GetMapping("/api/v1/opd")
    List<OpdItem> all() {
        return opds.all().stream().map(o -> new OpdItem(o.code(), o.name(), o.type(), o.active())).toList();
    }

    record OpdItem(String code, String name, String type, boolean active) {
    }
}
