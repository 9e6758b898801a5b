package id.go.jambiprov.dumisake.account;

/** The session belonged to an account that has since been disabled; it has been ended. */
public class SignedOutException extends RuntimeException {

    public SignedOutException() {
        super("The account was disabled during the session");
    }
}
