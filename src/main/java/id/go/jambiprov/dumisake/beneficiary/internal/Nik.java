package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A Nomor Induk Kependudukan: 16 digits, {@code PPKKCC DDMMYY SSSS} — province, kabupaten/kota and
 * kecamatan of registration, date of birth (women have 40 added to the day) and a serial number.
 * The sex and the date of birth it carries are checked against what an operator typed.
 */
public record Nik(String value) {

    private static final int VISIBLE_DIGITS = 4;

    public Nik {
        if (value == null || !value.matches("[0-9]{16}")) {
            throw new IllegalArgumentException("not a checked NIK");
        }
    }

    /**
     * @param today the day the NIK is checked: a two-digit year after it is read as 19YY, a birth after
     *              today is refused
     * @throws BusinessRuleException {@code NIK_INVALID} naming what is wrong
     */
    public static Nik parse(String typed, LocalDate today) {
        String nik = typed == null ? "" : typed.strip();
        if (!nik.matches("[0-9]{16}")) {
            throw invalid("nik.notSixteenDigits");
        }
        int province = Integer.parseInt(nik.substring(0, 2));
        if (province < 11 || province > 94 || nik.startsWith("00", 2) || nik.startsWith("00", 4)) {
            throw invalid("nik.region");
        }
        if (nik.endsWith("0000")) {
            throw invalid("nik.serial");
        }
        if (birthDate(nik, today) == null) {
            throw invalid("nik.birthDate");
        }
        return new Nik(nik);
    }

    public Sex sex() {
        return Integer.parseInt(value.substring(6, 8)) > 40 ? Sex.F : Sex.M;
    }

    public LocalDate dateOfBirth(LocalDate today) {
        return birthDate(value, today);
    }

    /** The kecamatan of registration in Kemendagri notation, e.g. {@code 15.01.01}. */
    public String kecamatanCode() {
        return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6);
    }

    /** What lists, other OPDs and the expert team see: {@code 1501************}. */
    public String masked() {
        return mask(value);
    }

    /**
     * Only the province and kabupaten/kota stay, which the desa shown next to a masked NIK tells anyway.
     * What is shown with it gives back at most digits 5–6 (the desa's kecamatan), whether 40 was added to
     * the day (the sex) and 11–12 (the year of birth); the day and month of birth and the whole serial are
     * shown nowhere, so they cannot be derived. With the last two serial digits shown as well, the serial
     * of a person was as good as known (it counts the people of one kecamatan born on one day) and only the
     * day and month were left to guess: a few hundred tries.
     */
    public static String mask(String nik) {
        return nik.substring(0, VISIBLE_DIGITS) + "*".repeat(16 - VISIBLE_DIGITS);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDate(String nik, LocalDate today) {
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int twoDigitYear = Integer.parseInt(nik.substring(10, 12));
        if (day > 40) {
            day -= 40;
        }
        try {
            LocalDate date = LocalDate.of(2000 + twoDigitYear, month, day);
            // a two-digit year still to come this century is one of the last century
            return date.isAfter(today) ? LocalDate.of(1900 + twoDigitYear, month, day) : date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static BusinessRuleException invalid(String messageKey) {
        return new BusinessRuleException("NIK_INVALID", messageKey);
    }

    public enum Sex { M, F }
}
