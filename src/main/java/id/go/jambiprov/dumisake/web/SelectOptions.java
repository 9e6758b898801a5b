package id.go.jambiprov.dumisake.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The options of a filter's select as one piece of HTML, for {@code th:utext} in templates:
 * {@code ${#options.of(list, 'code', 'name', selected)}}. A list filter offers up to 144 kecamatan, and
 * an option written with {@code th:each}, {@code th:value}, {@code th:text} and {@code th:selected} cost the
 * template engine four processed attributes each, some 600 for the kecamatan alone on every list page.
 * The output is what those attributes gave: {@code <option value="15.01.01" selected="selected">Name</option>},
 * values and labels escaped the way {@code th:value} and {@code th:text} escape them.
 */
@Component
public class SelectOptions {

    private final MessageSource messages;

    SelectOptions(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * One option per value, labelled by the label at the same position; selected where the value equals it. No
     * options for no values (null), as {@code th:each} gave none.
     */
    public String of(List<?> values, List<?> labels, Object selected) {
        if (values == null || labels == null) {
            return "";
        }
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException(values.size() + " values but " + labels.size() + " labels");
        }
        String chosen = selected == null ? null : selected.toString();
        StringBuilder html = new StringBuilder(values.size() * 48);
        for (int i = 0; i < values.size(); i++) {
            append(html, String.valueOf(values.get(i)), String.valueOf(labels.get(i)), chosen);
        }
        return html.toString();
    }

    /**
     * One option per item (records such as a kecamatan), its value and label read from the item's accessors of
     * those names: {@code ${#options.of(list, 'code', 'name', selected)}}. Read here, not by a projection in the
     * template: at national scale a list offers 7,144 kecamatan, and two projections of them in one expression
     * passed Spring EL's limit of 10,000 operations (the page failed); and a projection is interpreted, not compiled:
     * those of the year, OPD and programme choices took a twentieth of the JVM's CPU for an allocation list.
     */
    public String of(Iterable<?> items, String valueAccessor, String labelAccessor, Object selected) {
        return of(items, valueAccessor, labelAccessor, null, selected);
    }

    /**
     * As {@link #of(Iterable, String, String, Object)}, the label followed by a place in brackets: "Siulak (Kerinci)".
     * Any iterable, a page of a query's rows too (Spring EL would wrap one in a list of one element).
     */
    public String of(Iterable<?> items, String valueAccessor, String labelAccessor, String placeAccessor,
                     Object selected) {
        if (items == null) {
            return "";
        }
        String chosen = selected == null ? null : selected.toString();
        StringBuilder html = new StringBuilder(4096);
        for (Object item : items) {
            String label = String.valueOf(read(item, labelAccessor));
            if (placeAccessor != null) {
                label = label + " (" + read(item, placeAccessor) + ")";
            }
            append(html, String.valueOf(read(item, valueAccessor)), label, chosen);
        }
        return html.toString();
    }

    private static Object read(Object item, String accessor) {
        Method method = ACCESSORS.get(item.getClass()).computeIfAbsent(accessor, name -> {
            try {
                return item.getClass().getMethod(name);
            } catch (NoSuchMethodException recordStyle) {
                try {
                    return item.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
                } catch (NoSuchMethodException e) {
                    throw new IllegalArgumentException(item.getClass().getName() + " has no " + name + "()", e);
                }
            }
        });
        try {
            return method.invoke(item);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor + "() of " + item.getClass().getName(), e);
        }
    }

    /** The accessors by class and name, looked up once. */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** One option per value (an enum's constants, a few codes), labelled by the message messagePrefix + value. */
    public String ofMessages(Object values, String messagePrefix, Object selected) {
        if (values == null) {
            return "";
        }
        List<?> list = values instanceof Object[] array ? Arrays.asList(array) : List.copyOf((Collection<?>) values);
        Locale locale = LocaleContextHolder.getLocale();
        String chosen = selected == null ? null : selected.toString();
        StringBuilder html = new StringBuilder(list.size() * 48);
        for (Object value : list) {
            String code = String.valueOf(value);
            append(html, code, messages.getMessage(messagePrefix + code, null, locale), chosen);
        }
        return html.toString();
    }

    private static void append(StringBuilder html, String value, String label, String selected) {
        html.append("<option value=\"").append(HtmlEscape.escapeHtml4Xml(value)).append('"');
        if (Objects.equals(value, selected)) {
            html.append(" selected=\"selected\"");
        }
        html.append('>').append(HtmlEscape.escapeHtml4Xml(label)).append("</option>");
    }
}
