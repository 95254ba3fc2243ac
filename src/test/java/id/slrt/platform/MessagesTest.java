package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Texts live in the message files, in both languages; templates hold no sentences of their own. */
class MessagesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Words that are the same in both languages and may stand in a template. */
    private static final Set<String> ALLOWED = Set.of("SLRT", "ID", "EN");

    @Test
    void indonesianAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> id = keys("messages_id.properties");
        Set<String> en = keys("messages_en.properties");
        Set<String> onlyId = new TreeSet<>(id);
        onlyId.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(id);
        assertThat(onlyId).as("keys only in messages_id").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en").isEmpty();
        assertThat(id).hasSizeGreaterThan(100);
    }

    @Test
    void messagesWithArgumentsEscapeTheirApostrophes() throws IOException {
        // MessageFormat treats a single ' as a quote: "number's {0}" would swallow the argument.
        for (String file : List.of("messages_id.properties", "messages_en.properties")) {
            Properties props = load(file);
            for (String key : props.stringPropertyNames()) {
                String text = props.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(file + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Set<String> id = keys("messages_id.properties");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = literalKey.matcher(Files.readString(template));
            while (m.find()) {
                if (!id.contains(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesContainNoHardCodedSentences() throws IOException {
        // Text between tags, and human-facing attributes, must come from th:* expressions.
        Pattern textNode = Pattern.compile(">([^<>]+)<");
        Pattern humanAttribute = Pattern.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*)\"");
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style.*?</style>", "");
            Matcher m = textNode.matcher(html);
            while (m.find()) {
                String text = m.group(1).trim();
                if (hasWords(text) && !ALLOWED.contains(text)) {
                    offenders.add(template.getFileName() + ": \"" + text + "\"");
                }
            }
            Matcher a = humanAttribute.matcher(html);
            while (a.find()) {
                if (hasWords(a.group(2))) {
                    offenders.add(template.getFileName() + ": " + a.group(1) + "=\"" + a.group(2) + "\"");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean hasWords(String text) {
        return text.matches("(?s).*\\p{L}{2,}.*");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }
}
