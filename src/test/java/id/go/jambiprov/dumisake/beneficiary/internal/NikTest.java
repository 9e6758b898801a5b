package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NikTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void aWomanBornOnTheFirstOfJuly1990InKecamatan150101() {
        Nik nik = Nik.parse("1501014107900001", TODAY);

        assertThat(nik.sex()).isEqualTo(Nik.Sex.F);
        assertThat(nik.dateOfBirth(TODAY)).isEqualTo(LocalDate.of(1990, 7, 1));
        assertThat(nik.kecamatanCode()).isEqualTo("15.01.01");
        assertThat(nik.masked()).isEqualTo("1501************");
    }

    /**
     * A masked view shows the desa (hence digits 1–6), the sex and the year of birth next to the masked NIK:
     * people alike in those must have alike masks, whatever their day and month of birth and their serial.
     */
    @Test
    void theMaskTellsNothingBeyondTheDesaSexAndYearShownNextToIt() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        java.util.Set<String> masks = new java.util.HashSet<>();
        for (LocalDate day = born; day.getYear() == 1990; day = day.plusDays(1)) {
            for (String serial : new String[]{"0001", "0002", "0417", "9999"}) {
                String nik = "150101" + String.format("%02d%02d", day.getDayOfMonth() + 40, day.getMonthValue())
                        + "90" + serial;
                masks.add(Nik.parse(nik, TODAY).masked());
            }
        }
        assertThat(masks).containsExactly("1501************");
    }

    @ParameterizedTest
    @CsvSource({
            "1571021512850003, M, 1985-12-15",   // Kota Jambi, a man
            "1505075506080012, F, 2008-06-15",   // a girl born this century
            "1509013112990001, M, 1999-12-31",
            "1501016902000001, F, 2000-02-29",   // 29 February of a leap year, woman
            "1101010101260001, M, 2026-01-01",   // Aceh, born this year
            "9471010101270001, M, 1927-01-01",   // 27 is still to come: the last century
            "1501010112260001, M, 1926-12-01"    // 1 December 2026 is after today: 1926
    })
    void derivesSexAndDateOfBirth(String value, Nik.Sex sex, LocalDate born) {
        Nik nik = Nik.parse(value, TODAY);
        assertThat(nik.sex()).isEqualTo(sex);
        assertThat(nik.dateOfBirth(TODAY)).isEqualTo(born);
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(Nik.parse(" 1501014107900001 ", TODAY).value()).isEqualTo("1501014107900001");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"150101410790001", "15010141079000011", "1501-01-410790-0001", "15010141O7900001",
            "150101410790000a", "１５０１０１４１０７９０００01"})
    void refusesAnythingButSixteenDigits(String value) {
        assertRefused(value, "nik.notSixteenDigits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001014107900001", "0001014107900001", "9501014107900001", "9901014107900001",
            "1500014107900001", "1501004107900001"})
    void refusesImplausibleRegionCodes(String value) {
        assertRefused(value, "nik.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1501010007900001",  // day 0
            "1501014007900001",  // day 40: neither a man's nor a woman's day
            "1501013207900001",  // 32 July
            "1501017207900001",  // a woman's 32nd
            "1501010100900001",  // month 0
            "1501010113900001",  // month 13
            "1501013102900001",  // 31 February
            "1501012902010001",  // 29 February 2001, not a leap year
            "1501019912900001"   // day 99
    })
    void refusesDatesThatDoNotExist(String value) {
        assertRefused(value, "nik.birthDate");
    }

    @Test
    void refusesTheSerialNumber0000() {
        assertRefused("1501014107900000", "nik.serial");
    }

    @Test
    void theDerivedFactsMustMatchWhatWasTyped() {
        NewBeneficiary man = new NewBeneficiary("1501014107900001", "Siti", Nik.Sex.M, LocalDate.of(1990, 7, 1),
                "15.01.01.2001", "Jl. Uji", null, 3);
        assertThatThrownBy(() -> BeneficiaryService.checked(man, TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("NIK_SEX_MISMATCH"));
        NewBeneficiary wrongDay = new NewBeneficiary("1501014107900001", "Siti", Nik.Sex.F, LocalDate.of(1990, 7, 2),
                "15.01.01.2001", "Jl. Uji", null, 3);
        assertThatThrownBy(() -> BeneficiaryService.checked(wrongDay, TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("NIK_BIRTH_DATE_MISMATCH"));
        NewBeneficiary right = new NewBeneficiary("1501014107900001", "Siti", Nik.Sex.F, LocalDate.of(1990, 7, 1),
                "15.01.01.2001", "Jl. Uji", null, 3);
        assertThat(BeneficiaryService.checked(right, TODAY).value()).isEqualTo("1501014107900001");
    }

    private static void assertRefused(String value, String messageKey) {
        assertThatThrownBy(() -> Nik.parse(value, TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("NIK_INVALID");
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                });
    }
}
