package id.go.jambiprov.dumisake.shared.money;

/** An amount that cannot be read; {@link #messageKey()} names the message that tells the user why. */
public class MoneyFormatException extends IllegalArgumentException {

    private final String messageKey;

    public MoneyFormatException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
