package id.go.jambiprov.dumisake.region;

import id.go.jambiprov.dumisake.shared.NotFoundException;

/** A region code that does not exist in Jambi. */
public class RegionNotFoundException extends NotFoundException {

    public RegionNotFoundException(String code) {
        super("region.notFound", code);
    }
}
