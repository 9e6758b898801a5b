package id.go.jambiprov.dumisake.monev.api;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.monev.internal.DeviationService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The deviation table as JSON, the same rows as the monev page. A groupBy or year that is not one is a 400
 * (problem+json); a year that was never opened is a 404, as on the other dashboard endpoints; a page or size out of
 * range is a 400.
 */
@RestController
class DeviationApiController {

    static final int ALLOCATION_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final DeviationService deviations;
    private final FiscalYearService fiscalYears;

    DeviationApiController(DeviationService deviations, FiscalYearService fiscalYears) {
        this.deviations = deviations;
        this.fiscalYears = fiscalYears;
    }

    /** {@code groupBy} as the API spells it ({@code kabupaten-kota}); anything else fails to bind: 400. */
    @InitBinder
    void groupByValues(WebDataBinder binder) {
        binder.registerCustomEditor(GroupBy.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(GroupBy.of(text).orElseThrow(() -> new IllegalArgumentException("groupBy " + text)));
            }
        });
    }

    /**
     * The grouped views answer whole unless a {@code page} or {@code size} is asked for; every allocation of a year
     * is paged always ({@value #ALLOCATION_PAGE_SIZE} by default). A paged answer says the number of rows in
     * {@code X-Total-Count} and where the other pages are in {@code Link} (RFC 8288), so the body keeps its shape.
     */
    @GetMapping("/api/v1/dashboard/deviation")
    ResponseEntity<?> deviation(@RequestParam @Min(2000) @Max(2100) int year,
                                @RequestParam(required = false) String kabupatenKota,
                                @RequestParam(defaultValue = "opd") GroupBy groupBy,
                                @RequestParam(required = false) @Min(0) Integer page,
                                @RequestParam(required = false) @Min(1) @Max(MAX_PAGE_SIZE) Integer size) {
        fiscalYears.requireExisting(year);
        if (page == null && size == null && groupBy != GroupBy.ALLOCATION) {
            return ResponseEntity.ok(new WholeGrouping(each -> deviations.forEach(year, kabupatenKota, groupBy,
                    row -> each.accept(DeviationItem.of(row)))));
        }
        Page<DeviationRow> rows = deviations.page(year, kabupatenKota, groupBy, PageRequest.of(
                page == null ? 0 : page, size == null ? ALLOCATION_PAGE_SIZE : size));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(rows.getTotalElements()))
                .header(HttpHeaders.LINK, links(rows)).body(items(rows.getContent()));
    }

    private static List<DeviationItem> items(List<DeviationRow> rows) {
        return rows.stream().map(DeviationItem::of).toList();
    }

    private static String links(Page<DeviationRow> rows) {
        List<String> links = new ArrayList<>();
        links.add(link(0, rows.getSize(), "first"));
        if (rows.hasPrevious()) {
            links.add(link(rows.getNumber() - 1, rows.getSize(), "prev"));
        }
        if (rows.hasNext()) {
            links.add(link(rows.getNumber() + 1, rows.getSize(), "next"));
        }
        links.add(link(Math.max(0, rows.getTotalPages() - 1), rows.getSize(), "last"));
        return String.join(", ", links);
    }

    private static String link(int page, int size, String rel) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).build().toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    /**
     * A whole grouping as a JSON array of {@link DeviationItem}, each row written as the service hands it over while
     * the response is serialised: 7,144 kecamatan (national scale) are never held as a list — with 8 clients at once,
     * the lists of rows and items filled the young generation and the collector stopped every request.
     */
    @JsonSerialize(using = WholeGrouping.Writer.class)
    record WholeGrouping(Consumer<Consumer<DeviationItem>> rows) {

        static final class Writer extends ValueSerializer<WholeGrouping> {
            @Override
            public void serialize(WholeGrouping grouping, JsonGenerator out, SerializationContext context) {
                out.writeStartArray();
                grouping.rows().accept(item -> context.writeValue(out, item));
                out.writeEndArray();
            }
        }
    }

    /**
     * One row of the answer, its properties in this order. Written by {@link Writer}, the same JSON as Jackson's bean
     * serializer wrote: a whole grouping is thousands of rows, and that serializer's work per property (a getter
     * through a method handle) was about 8 % of the application's time for it (docs/benchmarks.md).
     */
    @JsonSerialize(using = DeviationItem.Writer.class)
    record DeviationItem(String code, String name, BigDecimal plannedPercent, BigDecimal physicalPercent,
                         BigDecimal financialPercent, BigDecimal deviation, TrafficLight status, BigDecimal amount,
                         long allocations, BigDecimal missingReportPercent) {
        static DeviationItem of(DeviationRow r) {
            return new DeviationItem(r.code(), r.name(), r.plannedPercent(), r.physicalPercent(), r.financialPercent(),
                    r.deviation(), r.status(), r.amount(), r.allocations(), r.missingReportPercent());
        }

        static final class Writer extends ValueSerializer<DeviationItem> {
            private static final SerializableString CODE = new SerializedString("code");
            private static final SerializableString NAME = new SerializedString("name");
            private static final SerializableString PLANNED = new SerializedString("plannedPercent");
            private static final SerializableString PHYSICAL = new SerializedString("physicalPercent");
            private static final SerializableString FINANCIAL = new SerializedString("financialPercent");
            private static final SerializableString DEVIATION = new SerializedString("deviation");
            private static final SerializableString STATUS = new SerializedString("status");
            private static final SerializableString AMOUNT = new SerializedString("amount");
            private static final SerializableString ALLOCATIONS = new SerializedString("allocations");
            private static final SerializableString MISSING = new SerializedString("missingReportPercent");

            @Override
            public void serialize(DeviationItem item, JsonGenerator out, SerializationContext context) {
                out.writeStartObject(item);
                out.writeName(CODE);
                out.writeString(item.code());
                out.writeName(NAME);
                out.writeString(item.name());
                number(out, PLANNED, item.plannedPercent());
                number(out, PHYSICAL, item.physicalPercent());
                number(out, FINANCIAL, item.financialPercent());
                number(out, DEVIATION, item.deviation());
                out.writeName(STATUS);
                out.writeString(item.status().name());
                number(out, AMOUNT, item.amount());
                out.writeName(ALLOCATIONS);
                out.writeNumber(item.allocations());
                number(out, MISSING, item.missingReportPercent());
                out.writeEndObject();
            }

            private static void number(JsonGenerator out, SerializableString name, BigDecimal value) {
                out.writeName(name);
                out.writeNumber(value);
            }
        }
    }
}
