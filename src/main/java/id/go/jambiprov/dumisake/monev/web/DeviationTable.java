package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.shared.Figures;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.MessageSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deviation table's rows as the page shows them, every figure and label formatted here once, in the reader's
 * language: a row of the template is then one plain value per cell. With a formatting call and a message lookup
 * per cell, the 144 rows by kecamatan cost about as much CPU as the figures' query.
 */
final class DeviationTable {

    private DeviationTable() {
    }

    /**
     * @param code   the group's code or the allocation's id (the row's anchor and, for an allocation, its link)
     * @param detail an allocation's place, or how many allocations a group holds with its code
     */
    public record Row(String code, String name, String detail, String amount, String planned, String physical,
               String financial, String deviation, String missingReport, TrafficLight status, String statusLabel) {
    }

    static List<Row> of(List<DeviationRow> rows, boolean perAllocation, MessageSource messages, Locale locale) {
        Map<TrafficLight, String> labels = new EnumMap<>(TrafficLight.class);
        for (TrafficLight light : TrafficLight.values()) {
            labels.put(light, messages.getMessage("monev.status." + light, null, locale));
        }
        return rows.stream().map(r -> new Row(r.code(), r.name(),
                perAllocation ? r.place() : messages.getMessage("monev.allocationsCount",
                        new Object[]{Figures.whole(r.allocations(), locale), r.code()}, locale),
                Rupiah.format(r.amount()), Figures.oneDecimal(r.plannedPercent(), locale),
                Figures.oneDecimal(r.physicalPercent(), locale), Figures.oneDecimal(r.financialPercent(), locale),
                Figures.oneDecimal(r.deviation(), locale), Figures.oneDecimal(r.missingReportPercent(), locale),
                r.status(), labels.get(r.status()))).toList();
    }
}
