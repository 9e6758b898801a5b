package id.go.jambiprov.dumisake.account.web;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.PasswordChangeRequiredException;
import id.go.jambiprov.dumisake.account.SignedOutException;
import id.go.jambiprov.dumisake.account.internal.SessionCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two checks before any page or API call of a signed-in person. A disabled account's session ends at
 * once: pages go to the login, the API answers 401. Someone signed in with a one-time password reaches
 * nothing but the password page: pages redirect there, the API answers 403 — the administrator has seen
 * that password, so it must not stay usable.
 */
@Configuration(proxyBeanMethods = false)
class SignedInChecks implements WebMvcConfigurer, HandlerInterceptor {

    private final SessionCheck sessionCheck;

    SignedInChecks(SessionCheck sessionCheck) {
        this.sessionCheck = sessionCheck;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/error", "/login");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(handler instanceof HandlerMethod method) || authentication == null
                || !(authentication.getPrincipal() instanceof DumisakeUser user)) {
            return true;
        }
        boolean api = method.getBeanType().isAnnotationPresent(RestController.class);
        if (!sessionCheck.mayContinue(user.getUsername())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (api) {
                throw new SignedOutException();
            }
            response.sendRedirect(request.getContextPath() + "/login");
            return false;
        }
        if (!user.mustChangePassword() || request.getRequestURI().equals(request.getContextPath()
                + OwnPasswordController.PATH)) {
            return true;
        }
        if (api) {
            throw new PasswordChangeRequiredException();
        }
        response.sendRedirect(request.getContextPath() + OwnPasswordController.PATH);
        return false;
    }
}
