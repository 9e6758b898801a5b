package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility;
import id.go.jambiprov.dumisake.beneficiary.domain.ImportFile;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The aid columns of one file's rows. Whether the row's person may receive the aid is {@link AidEligibility}'s
 * to say, as for a single record; here each refusal becomes an error on the row's column. One per file: it
 * counts down the room the file's rows use, and counts a programme's aid given by an earlier row as received.
 */
final class ImportAidCheck {

    private final Allocations allocations;
    private final ProgrammeService programmes;
    private final AidQueries aid;
    private final ImportRowChecker.Errors errors;
    /** {@code nik/programme/year} of the aid recorded already, and of the file's rows checked so far. */
    private final Set<String> received;
    private final Map<Long, AllocationView> allocationById = new HashMap<>();
    private final Map<Long, BigDecimal> room = new HashMap<>();
    private final Map<String, Integer> decileLimit = new HashMap<>();

    ImportAidCheck(Allocations allocations, ProgrammeService programmes, AidQueries aid, Set<String> received,
                   ImportRowChecker.Errors errors) {
        this.allocations = allocations;
        this.programmes = programmes;
        this.aid = aid;
        this.received = received;
        this.errors = errors;
    }

    /**
     * A person the file names who is registered already: the import does not change them, so their aid is
     * checked against where they live and their decile as stored, as a single record checks it, not against
     * what the row says.
     */
    record Registered(long id, String kecamatanCode, Integer welfareDecile) {
    }

    /**
     * Checks the aid of the row and fills it in on {@code p}. {@code kecamatan} and {@code decile} are the
     * row's ({@code kecamatan} null for an unknown desa), used for a new person; {@code registered} is the
     * stored person when the NIK is registered already, whose own are used then.
     */
    void check(ImportedPerson p, ImportFile.Row row, int number, String kecamatan, Integer decile,
               Registered registered) {
        if (CurrentUser.opdScope() == null) {
            errors.add(number, "allocation_id", "import.aidOperatorOnly", row.get("allocation_id"));
            return;
        }
        AllocationView allocation = allocation(row.get("allocation_id"));
        if (allocation == null) {
            errors.add(number, "allocation_id", "import.allocationUnknown", row.get("allocation_id"),
                    row.get("allocation_id"));
            return;
        }
        AidEligibility.Allocation facts = AidService.facts(allocation, decileLimit.computeIfAbsent(
                allocation.programmeCode(), code -> programmes.get(code).maxWelfareDecile()));
        if (AidEligibility.allocationRefusal(facts).isPresent()) {
            errors.add(number, "allocation_id", "aid.mechanism", row.get("allocation_id"));
            return;
        }
        try {
            p.amount = Rupiah.parse(row.get("aid_amount"));
        } catch (MoneyFormatException e) {
            errors.add(number, "aid_amount", "import.amount", row.get("aid_amount"));
        }
        p.date = ImportRowChecker.date(row, "aid_date", number, errors);
        if (p.date != null && AidEligibility.dateRefusal(facts, p.date).isPresent()) {
            errors.add(number, "aid_date", "aid.dateOutsideYear", row.get("aid_date"), allocation.year());
        }
        p.description = row.get("aid_description").isBlank() ? null : row.get("aid_description");
        boolean alreadyReceived = p.nik != null
                && !received.add(p.nik.value() + "/" + allocation.programmeCode() + "/" + allocation.year());
        BigDecimal roomBefore = null;
        if (p.amount != null) {
            roomBefore = room.computeIfAbsent(allocation.id(), id -> allocation.amount().subtract(aid.aided(id)));
            room.put(allocation.id(), roomBefore.subtract(p.amount));
        }
        var recipient = registered == null
                ? new AidEligibility.Recipient(kecamatan, decile, alreadyReceived, p.amount, roomBefore)
                : new AidEligibility.Recipient(registered.kecamatanCode(), registered.welfareDecile(), alreadyReceived,
                p.amount, roomBefore);
        for (AidEligibility.Refusal refusal : AidEligibility.recipientRefusals(facts, recipient)) {
            switch (refusal.reason()) {
                // a registered person's own desa is not named: the uploader may not be one who may see it
                case OUTSIDE_KECAMATAN -> {
                    if (registered == null) {
                        errors.add(number, "desa_code", "aid.desaOutsideKecamatan", row.get("desa_code"),
                                row.get("desa_code"), allocation.kecamatanName());
                    } else {
                        errors.add(number, "nik", "import.registeredOutsideKecamatan", row.get("nik"),
                                allocation.kecamatanName());
                    }
                }
                case DECILE_NOT_ELIGIBLE -> {
                    if (registered == null) {
                        errors.add(number, "welfare_decile", "aid.decileNotEligible", row.get("welfare_decile"),
                                allocation.programmeName(), refusal.maxWelfareDecile());
                    } else {
                        errors.add(number, "nik", "import.registeredDecileNotEligible", row.get("nik"),
                                allocation.programmeName(), refusal.maxWelfareDecile());
                    }
                }
                case DOUBLE_RECEIPT -> errors.add(number, "nik", "aid.doubleReceipt", row.get("nik"),
                        allocation.programmeName(), allocation.year());
                case ALLOCATION_EXCEEDED -> errors.add(number, "aid_amount", "import.allocationExceeded",
                        row.get("aid_amount"), String.valueOf(allocation.id()));
            }
        }
        p.allocation = allocation;
    }

    /** The allocation of the row as the caller may see it, or null when there is none (looked up once). */
    private AllocationView allocation(String text) {
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!allocationById.containsKey(id)) {
            AllocationView found;
            try {
                found = allocations.get(id);
            } catch (NotFoundException e) {
                found = null;
            }
            allocationById.put(id, found);
        }
        return allocationById.get(id);
    }
}
