package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.allocation.domain.Envelopes;
import id.go.jambiprov.dumisake.allocation.domain.WholeRupiah;
import id.go.jambiprov.dumisake.programme.FiscalYearOpened;
import id.go.jambiprov.dumisake.programme.PaguChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The envelopes follow their fiscal year: one per kecamatan when it opens, a new pagu when it changes. Handled
 * synchronously inside the programme capability's transaction (a plain {@link EventListener}, not an
 * asynchronous module listener), so a refused pagu rolls the change back and the year never commits without
 * its envelopes.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class FiscalYearEnvelopes {

    private final Envelopes envelopes;

    FiscalYearEnvelopes(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @EventListener
    void on(FiscalYearOpened opened) {
        WholeRupiah.require(opened.paguPerKecamatan());
        envelopes.open(opened.year(), opened.paguPerKecamatan());
    }

    /** Every envelope of the year is locked, so no allocation can slip in between the check and the update. */
    @EventListener
    void on(PaguChanged changed) {
        List<Envelope> year = envelopes.lockYear(changed.year());
        Envelope.repriceAll(year, changed.newPagu());
        envelopes.savePagu(changed.year(), changed.newPagu());
    }
}
