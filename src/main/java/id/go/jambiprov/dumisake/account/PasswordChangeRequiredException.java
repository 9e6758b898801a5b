package id.go.jambiprov.dumisake.account;

/** The caller signed in with a one-time password and must choose their own before anything else. */
public class PasswordChangeRequiredException extends RuntimeException {

    public static final String MESSAGE_KEY = "password.changeRequired";

    public PasswordChangeRequiredException() {
        super("The password must be changed first");
    }
}
