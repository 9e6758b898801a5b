package id.go.jambiprov.dumisake.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A request reads its session from PostgreSQL once. Spring Session saves the session as soon as the response is
 * committed (a page longer than the response buffer, or the view's flush) and again when its filter ends; saving
 * forgets the session it had read, so the second save reads it again by the cookie's id only to compare ids
 * (spring-session issue 1731) — a transaction with its statement on every page and API call of a signed-in
 * person, as much as the first read costs the JVM. Within a request this filter (just outside Spring
 * Session's) lets the session store answer such a read with the session this request has just saved, which is
 * what the database holds for that id. A session deleted in the request is forgotten; outside a request (the
 * tests' own sessions, the clean-up of expired ones) every read goes to the database.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 2)
class SessionReadOnceFilter extends OncePerRequestFilter {

    /** The sessions this request has saved, by id; none outside a request. */
    private static final ThreadLocal<Map<String, Session>> SAVED = new ThreadLocal<>();

    /**
     * The session store (Spring Session JDBC's repository) as this filter needs it: a proxy of the same class, so that
     * whatever is given it by its class (the tests' session helpers) gets it as before.
     */
    @Bean
    static BeanPostProcessor sessionStoreReadOncePerRequest() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepository<?>)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice(SAVED_SESSIONS_FIRST);
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /** What the session store does first within a request: a read of a session it saved answered by that session. */
    private static final MethodInterceptor SAVED_SESSIONS_FIRST = invocation -> {
        Map<String, Session> saved = SAVED.get();
        String method = invocation.getMethod().getName();
        Object[] arguments = invocation.getArguments();
        if (saved != null && method.equals("findById") && saved.containsKey((String) arguments[0])) {
            return saved.get((String) arguments[0]);
        }
        Object result = invocation.proceed();
        if (saved != null && method.equals("save")) {
            Session session = (Session) arguments[0];
            saved.values().remove(session);
            saved.put(session.getId(), session);
        } else if (saved != null && method.equals("deleteById")) {
            saved.remove((String) arguments[0]);
        }
        return result;
    };

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SAVED.set(new HashMap<>(2));
        try {
            chain.doFilter(request, response);
        } finally {
            SAVED.remove();
        }
    }
}
