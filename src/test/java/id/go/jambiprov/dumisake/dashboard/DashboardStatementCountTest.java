package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard pages run a fixed number of SQL statements, whatever the amount of data: a year with
 * thousands of allocations costs as many statements as an empty one (no query per row, no N+1). Rendered
 * figures are not kept here (TTL 0), so that every request pays for all of its statements.
 */
@SpringBootTest(properties = "dumisake.web.fragment-cache-ttl=PT0S")
@AutoConfigureMockMvc
@Import(DashboardStatementCountTest.StatementCounting.class)
class DashboardStatementCountTest {

    private static final AtomicInteger STATEMENTS = new AtomicInteger();
    private static final DumisakeUser EXPERT = new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDashboardCostsTheSameStatementsForAFullAndAnEmptyYear() throws Exception {
        if (jdbc.queryForObject("select count(*) from fiscal_year where year = 2061", Integer.class) == 0) {
            jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (2061, 2000000000, 'OPEN', 'test')");
            jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select 2061, code, 2000000000 from kecamatan");
        }
        statementsOf("/dasbor?year=2061");
        int full = statementsOf("/dasbor?year=2026");
        int empty = statementsOf("/dasbor?year=2061");
        assertThat(full).isEqualTo(empty).isLessThanOrEqualTo(12);

        int kecamatanFull = statementsOf("/dasbor/kecamatan/15.01.01?year=2026");
        int kecamatanEmpty = statementsOf("/dasbor/kecamatan/15.01.01?year=2061");
        assertThat(kecamatanFull).isEqualTo(kecamatanEmpty).isLessThanOrEqualTo(10);

        assertThat(statementsOf("/api/v1/dashboard/kecamatan?year=2026")).isLessThanOrEqualTo(3);
    }

    private int statementsOf(String url) throws Exception {
        STATEMENTS.set(0);
        mvc.perform(get(url).with(user(EXPERT))).andExpect(status().isOk());
        return STATEMENTS.get();
    }

    /** Counts every statement the application prepares or creates on its connections. */
    @TestConfiguration
    static class StatementCounting {

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                            forward(dataSource, (target, method, args) -> {
                                Object result = method.invoke(target, args);
                                return result instanceof Connection connection ? counting(connection) : result;
                            }));
                }
            };
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, forward(connection, (target, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            STATEMENTS.incrementAndGet();
                        }
                        return method.invoke(target, args);
                    }));
        }

        private static InvocationHandler forward(Object target, Call call) {
            return (proxy, method, args) -> {
                try {
                    return call.invoke(target, method, args);
                } catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            };
        }

        interface Call {
            Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Exception;
        }
    }
}
