package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Date;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads comes from the message bundles (the shared one and one per newer capability, all
 * named in {@code spring.messages.basename}); each exists in Indonesian and English with the same keys.
 */
class I18nTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");
    /** An element with text of its own; the text is literal unless th:text, th:utext, th:errors or th:replace replaces it. */
    private static final Pattern ELEMENT_WITH_TEXT = Pattern.compile(
            "<(?!script|style|html|!)[a-z0-9]+((?:[^>\"]|\"[^\"]*\")*)>\\s*([^<\\s][^<]*)<");
    private static final Pattern REPLACES_ITS_TEXT = Pattern.compile("\\bth:(?:u?text|errors|replace|insert|remove)=");
    /** Words that stay as they are in every language: the product name and the language names. */
    private static final Set<String> LITERALS_ALLOWED = Set.of("Dumisake", "Bahasa Indonesia", "English", "·");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        for (String basename : basenames()) {
            assertThat(load(basename + "_en.properties").stringPropertyNames()).as(basename)
                    .containsExactlyInAnyOrderElementsOf(load(basename + ".properties").stringPropertyNames());
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String basename : basenames()) {
            for (String key : load(basename + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(basename + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    /** A key written twice in one file: the later silently wins (a column heading once read as a column's help). */
    @Test
    void noKeyIsWrittenTwiceInOneFile() throws IOException {
        Set<String> twice = new TreeSet<>();
        for (String basename : basenames()) {
            for (String file : List.of(basename + ".properties", basename + "_en.properties")) {
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
                    int equals = line.indexOf('=');
                    if (!line.isBlank() && !line.startsWith("#") && equals > 0
                            && !seen.add(line.substring(0, equals).strip())) {
                        twice.add(file + ": " + line.substring(0, equals).strip());
                    }
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    /**
     * A message with arguments goes through MessageFormat, where a lone apostrophe starts a quote and swallows
     * what follows ("Your agencys allocations in {0}"): such messages must write it twice. Formatted with sample
     * arguments, no message may keep a placeholder or lose an apostrophe.
     */
    @Test
    void everyMessageWithArgumentsFormatsCompletely() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String bundle : bundles()) {
            Locale locale = bundle.contains("_en") ? Locale.ENGLISH : Locale.forLanguageTag("id");
            Properties messages = load(bundle);
            for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                String text = messages.getProperty(key);
                if (!PLACEHOLDER.matcher(text).find()) {
                    continue;
                }
                try {
                    MessageFormat format = new MessageFormat(text, locale);
                    String formatted = format.format(sampleArguments(format));
                    long apostrophes = text.replace("''", "'").chars().filter(c -> c == '\'').count();
                    if (formatted.contains("{") || formatted.chars().filter(c -> c == '\'').count() != apostrophes) {
                        broken.add(bundle + " " + key + ": " + formatted);
                    }
                } catch (IllegalArgumentException e) {
                    broken.add(bundle + " " + key + ": " + e.getMessage());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * A year passed as a number would print grouped ("tahun 2.026"): where a message names a year next to a
     * placeholder, the placeholder says {@code {0,number,#}}. (Audit sentences are given their values as text.)
     */
    @Test
    void yearsAreNeverGrouped() throws IOException {
        Pattern plainYear = Pattern.compile("(?i)(tahun(?: anggaran)?|year) \\{\\d}");
        List<String> grouped = new ArrayList<>();
        for (String bundle : bundles()) {
            Properties messages = load(bundle);
            messages.stringPropertyNames().stream().sorted()
                    .filter(key -> !key.startsWith("audit.sentence.") && plainYear.matcher(messages.getProperty(key)).find())
                    .forEach(key -> grouped.add(bundle + " " + key + ": " + messages.getProperty(key)));
        }
        assertThat(grouped).isEmpty();
    }

    private static Object[] sampleArguments(MessageFormat format) {
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] arguments = new Object[formats.length];
        for (int i = 0; i < formats.length; i++) {
            arguments[i] = formats[i] instanceof DateFormat ? new Date(0) : formats[i] == null ? "x" : 2026;
        }
        return arguments;
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String basename : basenames()) {
            keys.addAll(load(basename + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = ELEMENT_WITH_TEXT.matcher(Files.readString(template));
            while (matcher.find()) {
                String text = matcher.group(2).strip();
                if (!REPLACES_ITS_TEXT.matcher(matcher.group(1)).find() && !LITERALS_ALLOWED.contains(text)
                        && text.chars().anyMatch(Character::isLetter)) {
                    literal.add(TEMPLATES.relativize(template) + ": " + text);
                }
            }
        }
        assertThat(literal).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).toList();
        }
    }

    /** The bundles the application reads, as {@code spring.messages.basename} names them. */
    private static List<String> basenames() throws IOException {
        String names = load("application.properties").getProperty("spring.messages.basename");
        return Stream.of(names.split(",")).map(String::strip).toList();
    }

    private static List<String> bundles() throws IOException {
        List<String> bundles = new ArrayList<>();
        for (String basename : basenames()) {
            bundles.add(basename + ".properties");
            bundles.add(basename + "_en.properties");
        }
        return bundles;
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/" + bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
