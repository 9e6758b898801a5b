package id.go.jambiprov.dumisake.account.web;

import id.go.jambiprov.dumisake.account.internal.AccountRuleException;
import id.go.jambiprov.dumisake.account.internal.AccountService;
import id.go.jambiprov.dumisake.shared.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What an administrator does to an existing account: disable, enable, unlock, reset its password. */
@Controller
@RequestMapping("/akun")
class AccountActionsController {

    private final AccountService accounts;
    private final Flash flash;

    AccountActionsController(AccountService accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
    }

    @PostMapping("/{id}/nonaktifkan")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.disable(id);
            flash.success(redirect, "account.disabled");
        } catch (AccountRuleException refused) {
            flash.error(redirect, refused.violations().get(0).messageKey());
        }
        return "redirect:/akun/" + id;
    }

    @PostMapping("/{id}/aktifkan")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.enable(id);
        flash.success(redirect, "account.enabled");
        return "redirect:/akun/" + id;
    }

    @PostMapping("/{id}/buka-kunci")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        flash.success(redirect, "account.unlocked");
        return "redirect:/akun/" + id;
    }

    @PostMapping("/{id}/reset-kata-sandi")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("oneTimePassword", accounts.resetPassword(id));
        flash.success(redirect, "account.passwordReset");
        return "redirect:/akun/" + id;
    }
}
