package id.go.jambiprov.dumisake.account.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Whether a signed-in person may go on. Asked on every request, from the database, so that disabling an
 * account ends its open sessions at once on every instance, not only at the next login; a plain
 * statement, since it runs before every page and API call.
 */
@Service
public class SessionCheck {

    private final JdbcTemplate jdbc;

    SessionCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // in the caller's transaction if there is one, else none: a transaction of its own cost more than the statement
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean mayContinue(String username) {
        List<Boolean> enabled = jdbc.queryForList("select enabled from user_account where username = ?",
                Boolean.class, username);
        return !enabled.isEmpty() && enabled.get(0);
    }
}
