package id.go.jambiprov.dumisake.account.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * A login not even tried: this username failed too often from this client address, or the address is
 * spraying passwords and already had its turn (see {@link LoginRateLimiter}). The person sees the usual message.
 */
class LoginRefusedException extends AuthenticationException {

    LoginRefusedException() {
        super("too many failed logins from this client address");
    }
}
