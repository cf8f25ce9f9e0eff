package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportTextTest {
    private static Set<String> keys(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportTextTest.class.getResourceAsStream("report" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> en = keys("_en");
        Set<String> zh = keys("_zh_CN");
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertEquals(Set.of(), onlyEn, "missing in report_zh_CN.properties");
        assertEquals(Set.of(), onlyZh, "missing in report_en.properties");
    }

    @Test
    void everyKeyTheTemplateAndViewsUseExists() throws IOException {
        Set<String> en = keys("_en");
        StringBuilder sources = new StringBuilder(
                Files.readString(Path.of("src/main/resources/io/github/mnistlab/maven/report/index.html.vm")));
        try (var java = Files.list(Path.of("src/main/java/io/github/mnistlab/maven/report"))) {
            for (Path file : java.sorted().toList()) {
                sources.append(Files.readString(file));
            }
        }
        // t.get("key"), t.format("key", …) and Phrase.of("key", …) in the template and every class of the report
        Matcher m = Pattern.compile("(?:t\\.(?:get|format)|Phrase\\.of)\\([\"']([A-Za-z0-9.]*[A-Za-z0-9])[\"']")
                .matcher(sources);
        int used = 0;
        while (m.find()) {
            assertTrue(en.contains(m.group(1)), m.group(1));
            used++;
        }
        assertTrue(used > 50, "found " + used);
        for (XAxis axis : XAxis.values()) {
            assertTrue(en.contains("axis." + axis.id()), axis.id());
        }
    }

    @Test
    void everyFindingHasItsSentenceInBothBundles() throws IOException {
        Set<String> en = keys("_en");
        Set<String> zh = keys("_zh_CN");
        for (Finding.Kind kind : Finding.Kind.values()) {
            String key = Finding.of(kind, null).key();
            assertTrue(en.contains(key) && zh.contains(key), key);
        }
    }

    @Test
    void chineseIsUtf8AndOtherLocalesGetEnglish() {
        assertEquals("实验目的", ReportText.of(Locale.SIMPLIFIED_CHINESE).get("section.objectives"));
        assertEquals("实验目的", ReportText.of(Locale.forLanguageTag("zh-TW")).get("section.objectives"));
        assertEquals("Objectives", ReportText.of(Locale.GERMAN).get("section.objectives"));
        assertEquals("zh-CN", ReportText.of(Locale.CHINA).lang());
    }
}
