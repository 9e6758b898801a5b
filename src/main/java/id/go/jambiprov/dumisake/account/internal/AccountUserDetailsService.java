package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.Locale;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        OffsetDateTime now = OffsetDateTime.now();
        return accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .map(a -> new DumisakeUser(a.getUsername(), a.getFullName(), a.getRole(), a.getOpdCode(),
                        a.isEnabled(), a.isLocked(now), a.isMustChangePassword(), a.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
