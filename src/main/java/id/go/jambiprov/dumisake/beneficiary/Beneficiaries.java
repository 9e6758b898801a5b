package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What the other capabilities may read of the beneficiaries and their aid (today: the exports). */
@Service
@Transactional(readOnly = true)
public class Beneficiaries {

    private final AidQueries aid;

    Beneficiaries(AidQueries aid) {
        this.aid = aid;
    }

    /** The aid of a fiscal year as lists show it (NIK masked), an operator's OPD only, oldest first. */
    public List<AidView> aidOfYear(int year) {
        return aid.aidOfYear(year);
    }
}
