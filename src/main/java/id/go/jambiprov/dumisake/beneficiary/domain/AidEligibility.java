package id.go.jambiprov.dumisake.beneficiary.domain;

import id.go.jambiprov.dumisake.allocation.Mechanism;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person may receive aid from an allocation: the one place of these rules, for the single record
 * and the import alike. The caller gathers the facts from the database and passes them in as plain values;
 * the answer is named refusals, which each path turns into its own error form (an exception for one record,
 * row errors for a file).
 *
 * <p>The rules run in three steps, in this order, because the single record refuses a wrong allocation or
 * date before it looks anybody up (a refusal then is no NIK search) and the import reads the amount and the
 * date of a row only once the allocation is one that gives aid: {@link #allocationRefusal},
 * {@link #dateRefusal}, {@link #recipientRefusals} (which includes {@link #roomRefusal}).
 */
public final class AidEligibility {

    private AidEligibility() {
    }

    public enum Reason {
        /** The allocation was cancelled. */
        ALLOCATION_CANCELLED,
        /** The OPD does not spend the allocation itself: it is a transfer to a kabupaten/kota or a desa. */
        NOT_DIRECT_AID,
        /** No aid date, or one outside the allocation's fiscal year. */
        DATE_OUTSIDE_YEAR,
        /** The person lives outside the allocation's kecamatan. */
        OUTSIDE_KECAMATAN,
        /** The programme is for the poorer deciles, and the person is above them or has no decile. */
        DECILE_NOT_ELIGIBLE,
        /** The person has this programme's aid in this fiscal year already. */
        DOUBLE_RECEIPT,
        /** The allocation has less left than the amount. */
        ALLOCATION_EXCEEDED
    }

    /**
     * @param maxWelfareDecile for {@link Reason#DECILE_NOT_ELIGIBLE}: the programme's limit
     * @param remaining        for {@link Reason#ALLOCATION_EXCEEDED}: what the allocation has left
     */
    public record Refusal(Reason reason, Integer maxWelfareDecile, BigDecimal remaining) {

        public static Refusal of(Reason reason) {
            return new Refusal(reason, null, null);
        }
    }

    /**
     * The allocation as the rules see it.
     *
     * @param maxWelfareDecile the programme's limit (deciles 1..limit may receive), null for none
     */
    public record Allocation(boolean active, Mechanism mechanism, int year, String kecamatanCode,
                             Integer maxWelfareDecile) {
    }

    /**
     * The person and the amount asked for.
     *
     * @param kecamatanCode   where the person lives; null when not known (an unknown desa, refused on its own)
     * @param alreadyReceived whether the person has the programme's aid in the allocation's year already
     * @param amount          null when not known (unreadable, refused on its own): the room is not checked
     * @param room            what the allocation has left before this aid
     */
    public record Recipient(String kecamatanCode, Integer welfareDecile, boolean alreadyReceived, BigDecimal amount,
                            BigDecimal room) {
    }

    /** Aid comes only from an active allocation that the OPD spends itself ({@code BELANJA_OPD}). */
    public static Optional<Refusal> allocationRefusal(Allocation allocation) {
        if (!allocation.active()) {
            return Optional.of(Refusal.of(Reason.ALLOCATION_CANCELLED));
        }
        if (allocation.mechanism() != Mechanism.BELANJA_OPD) {
            return Optional.of(Refusal.of(Reason.NOT_DIRECT_AID));
        }
        return Optional.empty();
    }

    /** The aid is given in the allocation's fiscal year. */
    public static Optional<Refusal> dateRefusal(Allocation allocation, LocalDate date) {
        if (date == null || date.getYear() != allocation.year()) {
            return Optional.of(Refusal.of(Reason.DATE_OUTSIDE_YEAR));
        }
        return Optional.empty();
    }

    /**
     * Every refusal of this person, in the order the single record reports the first of: the kecamatan, the
     * welfare decile, a double receipt, the room left.
     */
    public static List<Refusal> recipientRefusals(Allocation allocation, Recipient person) {
        List<Refusal> refusals = new ArrayList<>();
        if (person.kecamatanCode() != null && !person.kecamatanCode().equals(allocation.kecamatanCode())) {
            refusals.add(Refusal.of(Reason.OUTSIDE_KECAMATAN));
        }
        Integer limit = allocation.maxWelfareDecile();
        if (limit != null && (person.welfareDecile() == null || person.welfareDecile() > limit)) {
            refusals.add(new Refusal(Reason.DECILE_NOT_ELIGIBLE, limit, null));
        }
        if (person.alreadyReceived()) {
            refusals.add(Refusal.of(Reason.DOUBLE_RECEIPT));
        }
        if (person.amount() != null) {
            roomRefusal(person.amount(), person.room()).ifPresent(refusals::add);
        }
        return refusals;
    }

    /**
     * The aid fits in what the allocation has left. On its own for the import, which checks the sum of a
     * file's aid again once it holds the allocation's lock.
     */
    public static Optional<Refusal> roomRefusal(BigDecimal amount, BigDecimal room) {
        if (amount.compareTo(room) > 0) {
            return Optional.of(new Refusal(Reason.ALLOCATION_EXCEEDED, null, room));
        }
        return Optional.empty();
    }
}
