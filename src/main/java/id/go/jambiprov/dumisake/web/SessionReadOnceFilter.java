package id.go.jambiprov.dumisake.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
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
 * <p>
 * Within a request the session is also saved only when it needs to be: Spring Session marks a session it read as
 * changed on every request (its last access), so each page and API call saved it in a transaction of its own, even
 * when {@link SessionWriteConfig}'s update then changed no row. A session read in a request ({@link RequestSession})
 * is not saved while nothing but its last access has changed and the last access the store holds is younger than
 * {@code dumisake.session.last-access-write-interval} — the same rule as that update's, decided before a
 * transaction is begun. A new session, a changed attribute, id or timeout is saved as before.
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
    static BeanPostProcessor sessionStoreReadOncePerRequest(Environment environment) {
        MethodInterceptor onceWithinARequest =
                savedSessionsFirst(SessionWriteConfig.lastAccessWriteInterval(environment));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepository<?>)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice(onceWithinARequest);
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /**
     * What the session store does first within a request: a read of a session it saved answered by that session, a
     * session read from the database handed out as a {@link RequestSession}, and such a session saved only when it
     * needs to be. A read goes to the database without a transaction ({@link SessionTransactions}).
     */
    private static MethodInterceptor savedSessionsFirst(Duration lastAccessWriteInterval) {
        return invocation -> {
            Map<String, Session> saved = SAVED.get();
            String method = invocation.getMethod().getName();
            Object[] arguments = invocation.getArguments();
            if (method.equals("findById")) {
                Session known = saved == null ? null : saved.get((String) arguments[0]);
                if (known != null) {
                    return known;
                }
                Session read = (Session) SessionTransactions.readingOne(invocation);
                return read == null || saved == null ? read : new RequestSession(read);
            }
            if (method.equals("save") && arguments[0] instanceof RequestSession session) {
                if (session.needsSaving(lastAccessWriteInterval)) {
                    ((ProxyMethodInvocation) invocation).setArguments(session.stored());
                    invocation.proceed();
                    session.saved();
                }
                remember(saved, session);
                return null;
            }
            Object result = invocation.proceed();
            if (saved != null && method.equals("save")) {
                remember(saved, (Session) arguments[0]);
            } else if (saved != null && method.equals("deleteById")) {
                saved.remove((String) arguments[0]);
            }
            return result;
        };
    }

    private static void remember(Map<String, Session> saved, Session session) {
        if (saved != null) {
            saved.values().remove(session);
            saved.put(session.getId(), session);
        }
    }

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
