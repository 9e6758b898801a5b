package id.go.jambiprov.dumisake.programme;

import java.math.BigDecimal;

/**
 * @param maxWelfareDecile          only people of this DTKS/P3KE decile or poorer may receive its direct aid; null: no limit
 * @param minProgressForNextTranche the physical progress (%) an allocation's latest progress report must show before
 *                                  its tranche 2 or later is submitted; null: no minimum
 */
public record ProgrammeView(String code, String name, Pillar pillar, String leadOpdCode, boolean active,
                            Integer maxWelfareDecile, BigDecimal minProgressForNextTranche, long version) {
}
