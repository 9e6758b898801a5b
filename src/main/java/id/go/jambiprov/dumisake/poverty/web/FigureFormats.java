package id.go.jambiprov.dumisake.poverty.web;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A figure as a page shows it, in the page's language: 8,36%, 20.830, Rp 617.948, 1,174 — and as a form field
 * holds it (no grouping, a decimal comma in Indonesian), which {@code FigurePolicy.parse} reads back.
 */
@Component("figureFormats")
public class FigureFormats {

    public String text(Indicator indicator, BigDecimal value) {
        if (value == null) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return switch (indicator.kind()) {
            case RATE -> decimals(value, 2, 2, locale) + " %";
            case COUNT -> decimals(value, 0, 0, locale);
            case RUPIAH -> Rupiah.format(value);
            case INDEX -> decimals(value, 2, 3, locale);
        };
    }

    public String input(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = value.toPlainString();
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? plain : plain.replace('.', ',');
    }

    private static String decimals(BigDecimal value, int min, int max, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);
        return format.format(value);
    }
}
