package id.go.jambiprov.dumisake.opd.web;

import id.go.jambiprov.dumisake.opd.OpdService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class OpdController {

    private final OpdService opds;

    OpdController(OpdService opds) {
        this.opds = opds;
    }

    @GetMapping("/opd")
    String list(Model model) {
        model.addAttribute("opds", opds.all());
        return "opd/list";
    }
}
