package id.go.jambiprov.dumisake.progress.web;

import id.go.jambiprov.dumisake.progress.OutputView;
import lombok.Data;

import java.util.ArrayList;
import java.util.List;

/** The output targets page's form: one row per indicator, blank rows to add, a box to remove one. */
@Data
public class OutputsForm {

    static final int BLANK_ROWS = 2;

    private List<Row> rows = new ArrayList<>();

    @Data
    public static class Row {
        private Long id;
        private Long version;
        private String name;
        private String unit;
        private String target;
        private boolean remove;

        boolean blank() {
            return id == null && isBlank(name) && isBlank(unit) && isBlank(target);
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    static OutputsForm of(List<OutputView> outputs) {
        OutputsForm form = new OutputsForm();
        for (OutputView output : outputs) {
            Row row = new Row();
            row.setId(output.id());
            row.setVersion(output.version());
            row.setName(output.name());
            row.setUnit(output.unit());
            row.setTarget(Numbers.plain(output.target()));
            form.rows.add(row);
        }
        form.addBlankRows();
        return form;
    }

    void addBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row());
        }
    }
}
