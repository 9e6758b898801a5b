package id.go.jambiprov.dumisake.web;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store reads a session by its id without a transaction; a save runs in a transaction of its own, also
 * right after such a read on the same thread.
 */
class SessionTransactionsTest {

    private final List<Integer> begun = new ArrayList<>();
    private final TransactionOperations transactions = SessionTransactions.of(() -> new AbstractPlatformTransactionManager() {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun.add(definition.getPropagationBehavior());
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    });

    /** A stand-in for the store: each call tells whether it ran in a transaction, begun as Spring Session's would. */
    interface Store {
        Boolean findById(String id);

        Boolean save(String id);
    }

    @Test
    void aReadOfOneSessionRunsWithoutATransaction() throws Throwable {
        Store store = store();

        Boolean inTransaction = (Boolean) SessionTransactions.readingOne(invocation(store));

        assertThat(inTransaction).isFalse();
        assertThat(begun).isEmpty();
    }

    @Test
    void aSaveRunsInATransactionOfItsOwnAlsoAfterARead() throws Throwable {
        Store store = store();
        SessionTransactions.readingOne(invocation(store));

        assertThat(store.save("s")).isTrue();
        assertThat(begun).containsExactly(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private Store store() {
        Supplier<Boolean> inTransaction = () -> transactions.execute(
                status -> TransactionSynchronizationManager.isActualTransactionActive());
        return new Store() {
            @Override
            public Boolean findById(String id) {
                return inTransaction.get();
            }

            @Override
            public Boolean save(String id) {
                return inTransaction.get();
            }
        };
    }

    /** findById("s") on the store, as the session store's proxy hands it on. */
    private static MethodInvocation invocation(Store store) {
        return new MethodInvocation() {
            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Object[] getArguments() {
                return new Object[] {"s"};
            }

            @Override
            public Object proceed() {
                return store.findById("s");
            }

            @Override
            public Object getThis() {
                return store;
            }

            @Override
            public AccessibleObject getStaticPart() {
                return null;
            }
        };
    }
}
