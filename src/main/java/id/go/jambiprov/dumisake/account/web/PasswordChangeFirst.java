package id.go.jambiprov.dumisake.account.web;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.PasswordChangeRequiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Someone signed in with a one-time password reaches nothing but the password page: pages redirect
 * there, the API answers 403. The one-time password was seen by the administrator; it must not stay
 * usable.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeFirst implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(OwnPasswordController.PATH, "/error", "/login");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(handler instanceof HandlerMethod method) || authentication == null
                || !(authentication.getPrincipal() instanceof DumisakeUser user) || !user.mustChangePassword()) {
            return true;
        }
        if (method.getBeanType().isAnnotationPresent(RestController.class)) {
            throw new PasswordChangeRequiredException();
        }
        response.sendRedirect(request.getContextPath() + OwnPasswordController.PATH);
        return false;
    }
}
