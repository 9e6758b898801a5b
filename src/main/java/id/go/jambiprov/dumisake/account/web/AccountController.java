package id.go.jambiprov.dumisake.account.web;

import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.internal.AccountRuleException;
import id.go.jambiprov.dumisake.account.internal.AccountService;
import id.go.jambiprov.dumisake.account.internal.AccountSummary;
import id.go.jambiprov.dumisake.account.internal.CreatedAccount;
import id.go.jambiprov.dumisake.account.internal.NewAccount;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.Pageables;
import lombok.Getter;
import lombok.Setter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.OffsetDateTime;
import java.util.Set;

/** Account management for administrators: list, look at, create (the changes of an account: {@link AccountActionsController}). */
@Controller
@RequestMapping("/akun")
class AccountController {

    private static final Set<String> SORTABLE = Set.of("username", "fullName", "role", "opdCode", "createdAt");
    private static final Sort BY_USERNAME = Sort.by("username");

    private final AccountService accounts;
    private final OpdService opds;
    private final AuditLog auditLog;
    private final Flash flash;

    AccountController(AccountService accounts, OpdService opds, AuditLog auditLog, Flash flash) {
        this.accounts = accounts;
        this.opds = opds;
        this.auditLog = auditLog;
        this.flash = flash;
    }

    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "fullName", "nip", "email", "role", "opdCode");
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @PageableDefault(size = 50, sort = "username") Pageable pageable, Model model) {
        model.addAttribute("page", accounts.search(q, role, Pageables.allowedSort(pageable, SORTABLE, BY_USERNAME)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", OffsetDateTime.now());
        return "account/list";
    }

    @GetMapping("/baru")
    String newForm(@ModelAttribute("form") AccountForm form, Model model) {
        return formPage(model);
    }

    @PostMapping("/baru")
    String create(@ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        CreatedAccount created;
        try {
            created = accounts.create(new NewAccount(form.getUsername(), form.getFullName(), form.getNip(),
                    form.getEmail(), form.getRole(), form.getOpdCode()));
        } catch (AccountRuleException refused) {
            // a value that did not even bind (an unknown role) already has its message
            refused.violations().stream().filter(v -> !binding.hasFieldErrors(v.field()))
                    .forEach(v -> binding.rejectValue(v.field(), v.messageKey()));
            return formPage(model);
        }
        flash.success(redirect, "account.created", created.username());
        redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
        return "redirect:/akun/" + created.id();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        AccountSummary account = accounts.get(id);
        model.addAttribute("account", account);
        model.addAttribute("locked", account.lockedAt(OffsetDateTime.now()));
        model.addAttribute("history", auditLog.history(AccountService.ENTITY_TYPE, id));
        return "account/detail";
    }

    private String formPage(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("opds", opds.all().stream().filter(o -> o.active()).toList());
        return "account/new";
    }

    @Getter
    @Setter
    static class AccountForm {
        private String username;
        private String fullName;
        private String nip;
        private String email;
        private Role role;
        private String opdCode;
    }
}
