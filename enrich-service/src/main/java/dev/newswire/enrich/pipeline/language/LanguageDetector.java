package dev.newswire.enrich.pipeline.language;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.models.LibraryVersion;
import dev.newswire.enrich.pipeline.models.OpenNlpModels;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.function.Function;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Stage 3, language. OpenNLP's 103-language character n-gram detector is weighed against cheap
 * evidence ({@link FunctionWords}): the script, and counts of each language's function words.
 * Short, all-caps or tabular English news ("SOCCER - LEADING RESULTS", "Goias 1 Gremio 3") fools the
 * n-gram model alone (it said "war", "nl", "et"), and then every English stage was skipped.
 * Order of evidence:
 * <ol>
 *   <li>too few letters to judge: the sender's hint, else {@code und};</li>
 *   <li>mostly non-Latin script: the model (it is reliable there);</li>
 *   <li>function words: English when it has at least two and clearly more than any other language;
 *       another language with at least two hits and more than English wins likewise;</li>
 *   <li>the model when its confidence reaches {@link #MIN_CONFIDENCE};</li>
 *   <li>names, numbers and tables with no function words: the hint; else English when the text is
 *       plain ASCII Latin (nothing says otherwise, and the English stages do no harm there);
 *       else {@code und}.</li>
 * </ol>
 * Reports ISO 639-1 codes ("en", "de", "fr") when one exists, else the model's ISO 639-3 code.
 * Thread-safe (one decoder per thread).
 */
public final class LanguageDetector implements Stage {

    /** Enough text for a stable answer; more only costs time. */
    private static final int SAMPLE_CHARS = 3000;
    /** Fewer letters than this is no evidence at all ("Ok.", "3-1"). */
    private static final int MIN_LETTERS = 8;
    /** Model confidence (0..1 over its 103 languages) above which it is believed on its own. */
    static final double MIN_CONFIDENCE = 0.5;
    public static final String UNDETERMINED = "und";
    public static final String ENGLISH = "en";

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    /** The n-gram model's best guess for a text. */
    private final Function<CharSequence, Language> ngramModel;
    private final FunctionWords functionWords = FunctionWords.defaults();
    private final String component;

    public LanguageDetector() {
        this(new ThreadSafeLanguageDetectorME(OpenNlpModels.languageDetector())::predictLanguage);
    }

    /** With another model (tests count its calls). */
    LanguageDetector(Function<CharSequence, Language> model) {
        this.ngramModel = model;
        this.component = "opennlp-" + LibraryVersion.of("org.apache.opennlp", "opennlp-tools") + "/"
                + OpenNlpModels.modelName(OpenNlpModels.LANGDETECT) + "+function-words";
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
        String hint = document.raw().language();
        hint = hint == null || hint.isBlank() ? null : hint.toLowerCase(Locale.ROOT);
        return document.withLanguage(detect(sample(document), hint)).withComponent(name(), component);
    }

    /** ISO 639-1 (or 639-3) code of the most likely language of {@code text}, without a hint. */
    public String detect(CharSequence text) {
        return detect(text, null);
    }

    /** ISO 639-1 (or 639-3) code of {@code text}'s language; {@code hint} (may be null) decides thin cases. */
    public String detect(CharSequence text, String hint) {
        FunctionWords.Evidence evidence = functionWords.of(text);
        if (evidence.letters() < MIN_LETTERS) {
            return hint == null ? UNDETERMINED : hint;
        }
        int english = evidence.hits(ENGLISH);
        String other = evidence.bestOther();
        int otherHits = other == null ? 0 : evidence.hits(other);
        if (evidence.latinShare() >= 0.5 && english >= 2 && english >= 2 * otherHits) {
            // Latin-script text with clear English function words: the answer whatever the model
            // says, so the model (93 % of this stage's time) is not asked. Most English news ends here.
            return ENGLISH;
        }
        Language best = ngramModel.apply(text);
        String model = toIso1(best.getLang());
        if (evidence.latinShare() < 0.5) {
            return model;
        }
        if (otherHits >= 2 && otherHits > english) {
            // the model separates close languages better than a word list does, when it agrees
            return evidence.hits(model) >= 2 ? model : other;
        }
        if (best.getConfidence() >= MIN_CONFIDENCE && !ENGLISH.equals(model) && english == 0) {
            return model;
        }
        if (english > 0 && english >= otherHits) {
            return ENGLISH;
        }
        if (hint != null) {
            return hint;
        }
        if (ENGLISH.equals(model) || plainAscii(text)) {
            return ENGLISH;
        }
        return best.getConfidence() >= MIN_CONFIDENCE ? model : UNDETERMINED;
    }

    private static boolean plainAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i)) && text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    static String toIso1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }

    /** The title, then paragraphs and list items (headings and tables are short and name-heavy). */
    private static String sample(Document document) {
        String text = document.text() == null ? "" : document.text();
        StringBuilder sb = new StringBuilder();
        if (document.title() != null) {
            sb.append(document.title()).append('\n');
        }
        for (Block b : document.blocks()) {
            if (b.isProse()) {
                sb.append(text, b.start(), b.end()).append('\n');
                if (sb.length() >= SAMPLE_CHARS) {
                    break;
                }
            }
        }
        if (sb.length() < 200) {
            // little prose: the whole text (tables, lists, headings) is the evidence
            sb.append(text, 0, Math.min(text.length(), SAMPLE_CHARS));
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
