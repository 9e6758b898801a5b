package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of an import that passed every check, as {@link ImportRowChecker} fills it in and
 * {@link ImportWriter} writes it: the person, new unless {@code existingId} is set, and the aid when the row
 * has an allocation.
 */
final class ImportedPerson {
    Nik nik;
    LocalDate today;
    String name;
    String desaCode;
    String address;
    String phone;
    Integer decile;
    Long existingId;
    AllocationView allocation;
    BigDecimal amount;
    LocalDate date;
    String description;
}
