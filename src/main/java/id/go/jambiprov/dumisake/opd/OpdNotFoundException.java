package id.go.jambiprov.dumisake.opd;

import id.go.jambiprov.dumisake.shared.NotFoundException;

public class OpdNotFoundException extends NotFoundException {

    public OpdNotFoundException(String code) {
        super("opd.notFound", code);
    }
}
