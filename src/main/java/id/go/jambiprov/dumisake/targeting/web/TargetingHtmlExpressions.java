package id.go.jambiprov.dumisake.targeting.web;

import id.go.jambiprov.dumisake.shared.Figures;
import id.go.jambiprov.dumisake.shared.HtmlRows;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.targeting.FollowUpPerson;
import id.go.jambiprov.dumisake.targeting.PovertyRateGaps;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The long parts of the targeting page as HTML written in Java ({@link HtmlRows}): the kabupaten/kota table,
 * {@code th:utext="${#targetingHtml.rows(o.regions, dashboardBase)}"}, the province's figures in its footer,
 * {@code ${#targetingHtml.cells(p)}}, and the trend's years without a P0 per region,
 * {@code ${#targetingHtml.missingYears(trendRegions)}}; and a page of the follow-up list,
 * {@code ${#targetingHtml.followUp(followUp.people, detailBase)}}. At national scale the table has 361 rows of eight
 * figures and the list 362 items; as a template fragment per row and a message per item they were some 9,000 processed
 * attributes and most of the page's CPU (docs/benchmarks.md).
 */
@Component
public class TargetingHtmlExpressions extends TemplateObjects {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    /**
     * A figure's cell has no class: the table (.table-figures, dumisake.css) aligns them, right and on one line, where
     * two classes on each of the 2,900 cells at national scale (four on a missing figure's) were a third of the page's
     * size (docs/benchmarks.md); a figure not published is set apart by this one.
     */
    private static final String FIGURE = null;
    private static final String MISSING = "missing";
    private static final String NONE = "–";
    /**
     * A table row is some 330 chars, an item of the trend's list some 150 (national scale, 361 of each): buffers of
     * the rows' own size, not {@link HtmlRows}'s 1,024 chars a row, which was a fifth of the page's allocation.
     */
    private static final int REGION_ROW_CHARS = 384;
    private static final int TREND_ITEM_CHARS = 192;
    /** A row of the follow-up list is some 300 chars. */
    private static final int FOLLOW_UP_ROW_CHARS = 384;

    TargetingHtmlExpressions(MessageSource messages) {
        super("dumisake-targeting-html", Map.of("targetingHtml", new Rows(messages)));
    }

    /** The object behind {@code #targetingHtml}; public, as templates call it. */
    public static final class Rows {

        private final MessageSource messages;

        Rows(MessageSource messages) {
            this.messages = messages;
        }

        /**
         * A row per kabupaten/kota, its name a link to its dashboard; {@code dashboardBase} is that link without
         * the kabupaten/kota, {@code @{/dasbor(year=…)}}, built once per page.
         */
        public String rows(List<RegionTargeting> regions, String dashboardBase) {
            Texts texts = new Texts(messages, LocaleContextHolder.getLocale());
            HtmlRows html = new HtmlRows(regions.size(), REGION_ROW_CHARS);
            for (RegionTargeting r : regions) {
                html.row("targeting-" + r.code())
                        .open("th", "scope", "row")
                        .open("a", "href", dashboardBase + "&kabupatenKota=" + r.code()).text(r.name()).close("a")
                        .close("th");
                cells(html, r, texts);
                html.endRow();
            }
            return html.toString();
        }

        /** The eight figures of one region, for the province's row in the footer. */
        public String cells(RegionTargeting region) {
            HtmlRows html = new HtmlRows(1, REGION_ROW_CHARS);
            cells(html, region, new Texts(messages, LocaleContextHolder.getLocale()));
            return html.toString();
        }

        /** An item per region: its name and the years of the trend without a published P0, or "lengkap". */
        public String missingYears(List<PovertyRateGaps> regions) {
            Locale locale = LocaleContextHolder.getLocale();
            HtmlRows items = new HtmlRows(regions.size(), TREND_ITEM_CHARS);
            for (PovertyRateGaps t : regions) {
                List<Integer> missing = t.missingYears();
                String text = missing.isEmpty()
                        ? messages.getMessage("targeting.trendComplete", new Object[] {t.name()}, locale)
                        : messages.getMessage("targeting.trendMissingItem", new Object[] {t.name(),
                                missing.stream().map(String::valueOf).collect(Collectors.joining(", "))}, locale);
                items.open("li", "data-code", t.code()).text(text).close("li");
            }
            return items.toString();
        }

        /**
         * A row per person of a page of the follow-up list, the name a link to the person; {@code detailBase} is that
         * link without the person's number, {@code @{/penerima/}}, built once per page. In the template, fifty rows of
         * seven processed attributes were the page's longest loop (docs/benchmarks.md).
         */
        public String followUp(List<FollowUpPerson> people, String detailBase) {
            HtmlRows html = new HtmlRows(people.size(), FOLLOW_UP_ROW_CHARS);
            for (FollowUpPerson f : people) {
                html.row(null)
                        .cell("text-nowrap font-monospace", f.maskedNik())
                        .open("td").open("a", "href", detailBase + f.beneficiaryId()).text(f.name()).close("a")
                        .close("td")
                        .cell("text-end", Integer.toString(f.decile()))
                        .cell(null, f.desaName())
                        .cell(null, f.kecamatanName())
                        .cell(null, f.kabupatenKotaName())
                        .cell("text-end", Figures.whole(f.servedInDesa(), INDONESIAN))
                        .endRow();
            }
            return html.toString();
        }

        /** A BPS figure not published reads "data belum tersedia", a ratio without a denominator "–". */
        private void cells(HtmlRows html, RegionTargeting r, Texts texts) {
            BigDecimal change = r.povertyRateChange();
            BigDecimal perPoorPerson = r.realisedPerPoorPerson();
            BigDecimal coverage = r.coverage();
            html.cell(r.povertyRate() == null ? MISSING : FIGURE,
                            r.povertyRate() == null ? texts.missing : percent(r.povertyRate()))
                    .cell(FIGURE, change == null ? NONE
                            : texts.points((change.signum() > 0 ? "+" : "") + decimal(change)))
                    .cell(r.poorPeople() == null ? MISSING : FIGURE,
                            r.poorPeople() == null ? texts.missing : Figures.whole(r.poorPeople(), INDONESIAN))
                    .cell(FIGURE, Rupiah.format(r.allocated()))
                    .cell(FIGURE, Rupiah.format(r.realised()))
                    .cell(FIGURE, perPoorPerson == null ? NONE : Rupiah.format(perPoorPerson))
                    .cell(FIGURE, Figures.whole(r.beneficiaries(), INDONESIAN))
                    .cell(FIGURE, coverage == null ? NONE : percent(coverage));
        }

        /**
         * Two decimals, a comma before them and points between thousands, whatever the page's language: the table's
         * P0, its change and coverage, and the P0 of the page's "perlu perhatian" items.
         */
        public String decimal(BigDecimal value) {
            return NumberUtils.format(value, 1, NumberPointType.POINT, 2, NumberPointType.COMMA, INDONESIAN);
        }

        private String percent(BigDecimal value) {
            return decimal(value) + "%";
        }
    }

    /** The two texts of the table, looked up once per page. */
    private static final class Texts {

        private final MessageSource messages;
        private final Locale locale;
        private final String missing;

        Texts(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
            this.missing = messages.getMessage("targeting.missing", null, locale);
        }

        String points(String change) {
            return messages.getMessage("targeting.points", new Object[] {change}, locale);
        }
    }
}
