package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.SignedIn;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Counts every statement the application prepares or creates on its connections, for the tests that keep a
 * page's cost fixed whatever the amount of data (no query per row). A test imports it with
 * {@code @Import(StatementCounter.class)}, autowires it and measures a request with {@link #statementsOf}.
 * Each application context counts on its own, so that contexts other tests left in the cache add nothing. Only the
 * statements of the measuring thread count: MockMvc serves the request on it, while the application's background
 * work (the business metrics refreshed every minute, Spring Session deleting expired sessions every minute) shares
 * the pool and counted for a page it overlapped: one run of the suite in two JVMs saw a page at 8 statements instead
 * of its 7 once, and again at 7 when measured alone.
 */
public class StatementCounter implements BeanPostProcessor {

    private final AtomicInteger statements = new AtomicInteger();
    private volatile Thread measuring;

    /** The statements one GET of {@code url} by the expert team costs; the page must answer 200. */
    public int statementsOf(MockMvc mvc, String url) throws Exception {
        return statementsOf(mvc, url, SignedIn.EXPERT);
    }

    /** The statements one GET of {@code url} by {@code who} costs; the page must answer 200. */
    public int statementsOf(MockMvc mvc, String url, UserDetails who) throws Exception {
        statements.set(0);
        measuring = Thread.currentThread();
        try {
            mvc.perform(get(url).with(user(who))).andExpect(status().isOk());
        } finally {
            measuring = null;
        }
        // every page measured reads something: none counted would mean its statements ran on another thread
        assertThat(statements.get()).as("statements counted for " + url).isPositive();
        return statements.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (Thread.currentThread() == measuring
                            && (method.getName().startsWith("prepare") || method.getName().equals("createStatement"))) {
                        statements.incrementAndGet();
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
