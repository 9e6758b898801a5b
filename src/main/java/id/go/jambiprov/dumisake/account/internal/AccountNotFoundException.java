package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.shared.NotFoundException;

public class AccountNotFoundException extends NotFoundException {

    public AccountNotFoundException(long id) {
        super("account.notFound", String.valueOf(id));
    }
}
