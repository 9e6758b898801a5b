package id.go.jambiprov.dumisake.web;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.Supplier;

/**
 * The transactions of the session store (Spring Session JDBC). Reading a session by its id is one statement, which
 * sees one snapshot of the session and its attributes with or without a transaction around it; it runs without
 * one, since a transaction's begin and commit cost the JVM and PostgreSQL more than that statement, on every
 * request of a signed-in person ({@link SessionReadOnceFilter} marks those reads). Everything else — a save of
 * several statements, a delete, the clean-up of expired sessions — runs as Spring Session runs it: in a
 * transaction of its own on the application's transaction manager.
 * <p>
 * Given to Spring Session's configuration directly, not as a bean: a bean of this type would stand in for the
 * application's own transaction template, which Spring Boot then no longer makes.
 */
@Configuration(proxyBeanMethods = false)
class SessionTransactions {

    private static final ThreadLocal<Boolean> READING_ONE = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor sessionStoreTransactions(ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(of(transactionManager::getObject));
                }
                return bean;
            }
        };
    }

    static TransactionOperations of(Supplier<PlatformTransactionManager> transactionManager) {
        Supplier<TransactionTemplate> ownTransaction = SingletonSupplier.of(() -> {
            TransactionTemplate template = new TransactionTemplate(transactionManager.get());
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            return template;
        });
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return READING_ONE.get() != null ? TransactionOperations.withoutTransaction().execute(action)
                        : ownTransaction.get().execute(action);
            }
        };
    }

    /** Reads one session by its id ({@code findById} of the store) without a transaction. */
    static Object readingOne(MethodInvocation findById) throws Throwable {
        READING_ONE.set(Boolean.TRUE);
        try {
            return findById.proceed();
        } finally {
            READING_ONE.remove();
        }
    }
}
