package id.go.jambiprov.dumisake.account.domain;

import id.go.jambiprov.dumisake.account.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.OffsetDateTime;
import java.util.Optional;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByNip(String nip);

    boolean existsByRole(Role role);

    /** {@code pattern} comes from {@code SearchText.containsPattern}: the user's % and _ are escaped. */
    @Query("""
            select a from UserAccount a
            where (:pattern is null or lower(a.username) like :pattern escape '\\'
                   or lower(a.fullName) like :pattern escape '\\' or a.nip like :pattern escape '\\')
              and (:role is null or a.role = :role)""")
    Page<UserAccount> search(@Param("pattern") String pattern, @Param("role") Role role, Pageable pageable);

    /**
     * Counts one failed login in one statement, so that concurrent attempts on several instances all
     * count. The {@code threshold}-th failure locks the account until {@code now + lockFor}; a lock that
     * has run out starts the count again. While locked, failures change nothing: the lock does not grow.
     *
     * @return the number of rows changed: 0 for an unknown or currently locked account
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update user_account
            set failed_attempts = case when locked_until is not null then 1 else failed_attempts + 1 end,
                locked_until = case when (case when locked_until is not null then 1 else failed_attempts + 1 end)
                                         >= :threshold
                                    then cast(:now as timestamptz) + make_interval(secs => :lockSeconds)
                               end
            where username = :username and (locked_until is null or locked_until <= cast(:now as timestamptz))""")
    int countFailedLogin(@Param("username") String username, @Param("threshold") int threshold,
                         @Param("now") OffsetDateTime now, @Param("lockSeconds") long lockSeconds);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update user_account set failed_attempts = 0, locked_until = null
            where username = :username and (failed_attempts > 0 or locked_until is not null)""")
    int clearFailedLogins(@Param("username") String username);
}
