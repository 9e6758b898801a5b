package id.go.jambiprov.dumisake.account.web;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.internal.AccountRuleException;
import id.go.jambiprov.dumisake.account.internal.AccountService;
import id.go.jambiprov.dumisake.account.internal.PasswordPolicy;
import id.go.jambiprov.dumisake.shared.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.Getter;
import lombok.Setter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in person changes their own password here; after a one-time password they must. */
@Controller
@RequestMapping(OwnPasswordController.PATH)
class OwnPasswordController {

    static final String PATH = "/kata-sandi";

    private final AccountService accounts;
    private final Flash flash;
    private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

    OwnPasswordController(AccountService accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
    }

    @GetMapping
    String form(@ModelAttribute("form") PasswordForm form, @AuthenticationPrincipal DumisakeUser user, Model model) {
        return page(user, model);
    }

    @PostMapping
    String change(@ModelAttribute("form") PasswordForm form, BindingResult binding,
                  @AuthenticationPrincipal DumisakeUser user, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmation())) {
            binding.rejectValue("confirmation", "password.confirmationMismatch");
            return page(user, model);
        }
        try {
            accounts.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
        } catch (AccountRuleException refused) {
            refused.violations().forEach(v -> binding.rejectValue(v.field(), v.messageKey()));
            return page(user, model);
        }
        signedInWithNewPassword(user, request, response);
        flash.success(redirect, "password.changed");
        return "redirect:/";
    }

    private String page(DumisakeUser user, Model model) {
        model.addAttribute("mustChange", user.mustChangePassword());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/password";
    }

    /** The session's principal still says "must change password"; it is replaced, and stored in the session. */
    private void signedInWithNewPassword(DumisakeUser user, HttpServletRequest request, HttpServletResponse response) {
        DumisakeUser changed = user.withPasswordChanged();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(changed, null,
                changed.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        securityContexts.saveContext(context, request, response);
    }

    @Getter
    @Setter
    static class PasswordForm {
        private String currentPassword;
        private String newPassword;
        private String confirmation;
    }
}
