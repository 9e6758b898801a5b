package id.go.jambiprov.dumisake.shared.tabular;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellTest {

    @Test
    void textThatStartsLikeAFormulaGetsAnApostropheAndOtherTextStaysAsItIs() {
        assertThat(SpreadsheetCell.neutralised("=1+2")).isEqualTo("'=1+2");
        assertThat(SpreadsheetCell.neutralised("+62812")).isEqualTo("'+62812");
        assertThat(SpreadsheetCell.neutralised("-5")).isEqualTo("'-5");
        assertThat(SpreadsheetCell.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCell.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCell.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetCell.neutralised("Siti = Aminah")).isEqualTo("Siti = Aminah");
        assertThat(SpreadsheetCell.neutralised("")).isEmpty();
        assertThat(SpreadsheetCell.neutralised(null)).isNull();
    }
}
