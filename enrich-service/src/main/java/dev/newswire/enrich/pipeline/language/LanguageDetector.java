package dev.newswire.enrich.pipeline.language;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.clean.LibraryVersion;
import dev.newswire.enrich.pipeline.sentences.OpenNlpModels;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Stage 3, language: OpenNLP's 103-language detector on the prose of the clean text. Reports
 * ISO 639-1 codes ("en", "de", "fr") when one exists, else the model's ISO 639-3 code. Text too
 * short to judge falls back to the sender's hint, else "und". Thread-safe (one decoder per thread).
 */
public final class LanguageDetector implements Stage {

    /** Enough text for a stable answer; more only costs time. */
    private static final int SAMPLE_CHARS = 3000;
    private static final int MIN_CHARS = 20;
    public static final String UNDETERMINED = "und";

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final ThreadSafeLanguageDetectorME detector;
    private final String component;

    public LanguageDetector() {
        this.detector = new ThreadSafeLanguageDetectorME(OpenNlpModels.languageDetector());
        this.component = "opennlp-" + LibraryVersion.of("org.apache.opennlp", "opennlp-tools") + "/" + OpenNlpModels.modelName(OpenNlpModels.LANGDETECT);
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public Document apply(Document document) {
        String sample = sample(document);
        String language;
        if (sample.strip().length() < MIN_CHARS) {
            String hint = document.raw().language();
            language = hint == null || hint.isBlank() ? UNDETERMINED : hint.toLowerCase(Locale.ROOT);
        } else {
            language = detect(sample);
        }
        return document.withLanguage(language).withComponent(name(), component);
    }

    /** ISO 639-1 (or 639-3) code of the most likely language of {@code text}. */
    public String detect(CharSequence text) {
        Language best = detector.predictLanguage(text);
        return toIso1(best.getLang());
    }

    static String toIso1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }

    /** Paragraphs and list items first (headings and tables are short and name-heavy). */
    private static String sample(Document document) {
        String text = document.text() == null ? "" : document.text();
        StringBuilder sb = new StringBuilder();
        for (Block b : document.blocks()) {
            if (b.isProse()) {
                sb.append(text, b.start(), b.end()).append('\n');
                if (sb.length() >= SAMPLE_CHARS) {
                    break;
                }
            }
        }
        if (sb.length() < MIN_CHARS) {
            sb.setLength(0);
            sb.append(text);
        }
        return sb.length() > SAMPLE_CHARS ? sb.substring(0, SAMPLE_CHARS) : sb.toString();
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (MissingResourceException ignored) {
                // no three-letter code known for this language: keep the model's code
            }
        }
        // The model uses macrolanguage/individual codes Locale does not map.
        map.put("cmn", "zh");
        map.put("zho", "zh");
        map.put("pes", "fa");
        map.put("zlm", "ms");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("nob", "nb");
        return map;
    }
}
