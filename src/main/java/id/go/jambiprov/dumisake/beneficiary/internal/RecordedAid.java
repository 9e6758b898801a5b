package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.beneficiary.AidView;
import java.util.List;

/**
 * @param otherProgrammes names of the other programmes that gave this person aid in the same fiscal year:
 *                        allowed, but the operator is told and the expert team sees the person listed
 */
public record RecordedAid(AidView aid, List<String> otherProgrammes) {
}
