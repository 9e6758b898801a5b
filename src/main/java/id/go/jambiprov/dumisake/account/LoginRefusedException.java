package id.go.jambiprov.dumisake.account;

import org.springframework.security.core.AuthenticationException;

/** A login not even tried: its client address failed too often. The person sees the usual message. */
class LoginRefusedException extends AuthenticationException {

    LoginRefusedException() {
        super("too many failed logins from this client address");
    }
}
