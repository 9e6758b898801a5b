package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.beneficiary.domain.ImportFile;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportResult;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.beneficiary.internal.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the other capabilities may ask of the beneficiaries and their aid: read the aid (the exports) and,
 * as an operator signed in for it, register people and record their aid like the pages and the import do (the
 * demo data).
 */
@Service
@Transactional(readOnly = true)
public class Beneficiaries {

    private final AidQueries aid;
    private final BeneficiaryService people;
    private final AidService aidRecords;
    private final BeneficiaryImportService imports;

    Beneficiaries(AidQueries aid, BeneficiaryService people, AidService aidRecords, BeneficiaryImportService imports) {
        this.aid = aid;
        this.people = people;
        this.aidRecords = aidRecords;
        this.imports = imports;
    }

    /** A NIK as lists show it to whoever is not of the person's OPD, e.g. {@code 1501************}. */
    public static String maskedNik(String nik) {
        return Nik.mask(nik);
    }

    /** The aid of a fiscal year as lists show it (NIK masked), an operator's OPD only, oldest first. */
    public List<AidView> aidOfYear(int year) {
        return aid.aidOfYear(year);
    }

    /**
     * Whether the caller may see any aid of the year, of a person whose name starts with {@code namePrefix} when it is
     * given: a look-up of one row, for the demo data's "loaded before?".
     */
    public boolean anyAidOfYear(int year, String namePrefix) {
        return aid.anyAidOfYear(year, namePrefix);
    }

    /**
     * Registers a person under every check of the form; sex and date of birth are read from the NIK.
     * SUPPORTS instead of the class's read-only transaction: the service opens its own, whose refusals commit.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void register(String nik, String name, String desaCode, String address, Integer welfareDecile) {
        people.register(new NewBeneficiary(nik, name, null, null, desaCode, address, null, welfareDecile));
    }

    /** Records aid for a registered person under a {@code BELANJA_OPD} allocation of the operator's OPD. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public AidView recordAid(long allocationId, String nik, BigDecimal amount, LocalDate date, String description) {
        return aidRecords.recordAid(allocationId, new NewAid(nik, amount, date, description)).aid();
    }

    /** The columns of an import file, in their order (the import page's template). */
    public static List<String> importColumns() {
        return ImportFile.COLUMNS;
    }

    /**
     * Imports a file of the import page's columns as the signed-in operator: every row checked, all written in
     * one transaction or nothing (many people at once cost one transaction instead of two per person).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public ImportedFile importFile(String fileName, byte[] content) {
        ImportResult result = imports.importFile(fileName, content);
        return new ImportedFile(result.rowsRead(), result.beneficiariesCreated(), result.aidCreated(),
                result.errorCount());
    }
}
