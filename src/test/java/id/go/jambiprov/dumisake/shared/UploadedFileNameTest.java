package id.go.jambiprov.dumisake.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedFileNameTest {

    @Test
    void aNameIsKeptWithoutPathOrControlCharacters() {
        assertThat(UploadedFileName.of("C:\\Users\\op\\penerima 2026.xlsx", "impor")).isEqualTo("penerima 2026.xlsx");
        assertThat(UploadedFileName.of("data/sp2d\r\n.csv", "impor")).isEqualTo("sp2d.csv");
        assertThat(UploadedFileName.of("  ", "impor")).isEqualTo("impor");
        assertThat(UploadedFileName.of(null, "bukti")).isEqualTo("bukti");
    }

    @Test
    void aVeryLongNameIsShortenedToWhatTheTablesHoldKeepingItsEnding() {
        String name = UploadedFileName.of("p".repeat(430) + "-akhir.xlsx", "impor");

        assertThat(name).hasSize(UploadedFileName.MAX).startsWith("ppp").endsWith("ppppppppp-akhir.xlsx").contains("…");
    }
}
