package id.go.jambiprov.dumisake.shared;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TextBufferTest {

    @Test
    void textBeyondItsFirstSizeAndBeyondLatin1IsKeptWhole() throws Exception {
        TextBuffer text = new TextBuffer(4);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            String piece = "baris " + i + (i % 7 == 0 ? " – Rp…" : "");
            text.append(piece).append('|').append(piece.toCharArray(), 0, 1).append(piece, 1, piece.length() - 1);
            expected.append(piece).append('|').append(piece, 0, 1).append(piece, 1, piece.length());
        }
        StringWriter out = new StringWriter();
        text.writeTo(out);

        assertThat(text.toString()).isEqualTo(expected.toString());
        assertThat(out.toString()).isEqualTo(expected.toString());
        assertThat(text.length()).isEqualTo(expected.length());
    }

    @Test
    void aClearedBufferHoldsOnlyWhatIsAppendedAfter() {
        TextBuffer text = new TextBuffer(8).append("halaman pertama");

        text.clear();
        text.append("kedua");

        assertThat(text.toString()).isEqualTo("kedua");
        assertThat(text.length()).isEqualTo(5);
    }

    @Test
    void aBufferWithAMaximumHoldsTextUpToIt() {
        TextBuffer text = new TextBuffer(4, 10);

        text.append("baris").append('-').append("Rp".toCharArray(), 0, 2).append("12");

        assertThat(text.toString()).isEqualTo("baris-Rp12");
    }
}
