package dev.newswire.enrich.pipeline.sentences;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.Token;
import dev.newswire.enrich.pipeline.models.LibraryVersion;
import dev.newswire.enrich.pipeline.models.OpenNlpModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;

/**
 * Stage 4, sentences, tokens and part of speech with OpenNLP's English UD models, for every block
 * (paragraphs, list items, headings, table rows) and for the title (as {@link Document#titleSentences()},
 * offsets into the title). A block is one sentence or more of its own: sentences never cross a block
 * boundary. Stages that want running prose only (keyphrases, tags, summary) use
 * {@link Document#proseSentences()}. Tokens are adjusted towards Penn Treebank style
 * ({@link TokenAdjuster}) because that is what the NER model was trained on. POS tags are Penn Treebank (the model is UD-trained;
 * OpenNLP maps the tags). Thread-safe: the OpenNLP ThreadSafe*ME wrappers keep one decoder per thread.
 */
public final class SentenceSplitter implements Stage {

    /**
     * Prose analysed per article. A long read is 30-60k characters; beyond this the text is still
     * published but not split, so NER and summaries see the first 200k characters only and one
     * huge article cannot hold a worker for many seconds (stages 1-5 cost ~8 ms CPU per kB).
     */
    public static final int MAX_PROSE_CHARS = 200_000;

    /** A headline longer than this is not a headline; only its start is analysed. */
    static final int MAX_TITLE_CHARS = 1_000;

    public static final String ABBREVIATIONS = "/dev/newswire/enrich/pipeline/sentences/abbreviations.txt";

    private final ThreadSafeSentenceDetectorME sentences;
    private final CachedTokenizer tokenizer;
    private final ThreadSafePOSTaggerME tagger;
    private final String component;

    public SentenceSplitter() {
        this.sentences = new ThreadSafeSentenceDetectorME(OpenNlpModels.sentence(), abbreviations());
        this.tokenizer = new CachedTokenizer(new ThreadSafeTokenizerME(OpenNlpModels.tokenizer())::tokenizePos);
        this.tagger = new ThreadSafePOSTaggerME(OpenNlpModels.pos(), POSTagFormat.PENN);
        this.component = "opennlp-" + LibraryVersion.of("org.apache.opennlp", "opennlp-tools") + "/"
                + OpenNlpModels.modelName(OpenNlpModels.SENTENCE) + "+" + OpenNlpModels.modelName(OpenNlpModels.TOKENIZER)
                + "+" + OpenNlpModels.modelName(OpenNlpModels.POS);
    }

    static Dictionary abbreviations() {
        Dictionary dictionary = new Dictionary(true);
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(ABBREVIATIONS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ABBREVIATIONS);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    dictionary.put(new StringList(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dictionary;
    }

    @Override
    public String name() {
        return "sentences";
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public boolean englishOnly() {
        return true;
    }

    @Override
    public String englishOnlyReason() {
        return "English sentence, token and POS models not run";
    }

    @Override
    public Document apply(Document document) {
        String text = document.text() == null ? "" : document.text();
        List<Sentence> result = new ArrayList<>();
        int budget = MAX_PROSE_CHARS;
        // Every block, not just prose: names live in result tables, lists, datelines and captions
        // too ("Goias 1 Gremio 3", "RIO DE JANEIRO 1996-12-05"). A block is at least one sentence;
        // sentences never cross a block boundary, so a table row stays one unit.
        for (Block block : document.blocks()) {
            if (budget > 0) {
                int end = Math.min(block.end(), block.start() + budget);
                split(text, block.start(), end, result);
                budget -= end - block.start();
            }
        }
        List<Sentence> title = new ArrayList<>();
        String headline = document.title();
        if (headline != null && !headline.isBlank()) {
            // offsets into the title: it is a field of its own, not part of the text
            split(headline, 0, Math.min(headline.length(), MAX_TITLE_CHARS), title);
        }
        return document.withSentences(result).withTitleSentences(title).withComponent(name(), component);
    }

    /** A lone capital initial with its period ("(W.", ", V.") not after a capitalised word ("World War I."). */
    private static final Pattern ENDS_WITH_INITIAL = Pattern.compile("(?:^|[(\\[,;:]|\\s)\\p{Lu}\\.$");
    private static final Pattern CAPITALISED_WORD_BEFORE_INITIAL = Pattern.compile("\\p{Lu}\\S*\\s+\\p{Lu}\\.$");

    /**
     * The sentence model breaks after a name's initial in score lines ("Lancashire 197-8 (W." |
     * "Hegg 54)"), which cuts the person in two. A break after a lone initial followed by a
     * capitalised word is undone; "... World War I." | "The ..." keeps its break.
     */
    static Span[] joinAfterInitials(String text, Span[] spans) {
        List<Span> out = new ArrayList<>(spans.length);
        for (Span s : spans) {
            Span previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null) {
                String before = text.substring(previous.getStart(), previous.getEnd());
                String next = text.substring(s.getStart(), s.getEnd());
                if (ENDS_WITH_INITIAL.matcher(before).find() && !CAPITALISED_WORD_BEFORE_INITIAL.matcher(before).find()
                        && !next.isEmpty() && Character.isUpperCase(next.codePointAt(0))) {
                    out.set(out.size() - 1, new Span(previous.getStart(), s.getEnd()));
                    continue;
                }
            }
            out.add(s);
        }
        return out.toArray(new Span[0]);
    }

    /** Sentences of {@code text[from, to)} with offsets into {@code text}. */
    public List<Sentence> split(String text, int from, int to) {
        List<Sentence> out = new ArrayList<>();
        split(text, from, to, out);
        return out;
    }

    private void split(String text, int from, int to, List<Sentence> out) {
        // The leading space works around OpenNLP 2.5.6 SentenceDetectorME.isAcceptableBreak, which
        // reads charAt(-1) (StringIndexOutOfBoundsException) when a text starts with a dictionary
        // abbreviation such as "U.S. debt futures ...".
        String blockText = " " + text.substring(from, to);
        for (Span s : joinAfterInitials(blockText, sentences.sentPosDetect(blockText))) {
            int start = from + Math.max(0, s.getStart() - 1);
            int end = from + s.getEnd() - 1;
            if (end <= start) {
                continue;
            }
            String sentenceText = text.substring(start, end);
            Span[] spans = TokenAdjuster.adjust(sentenceText, tokenizer.tokenizePos(sentenceText));
            String[] words = Span.spansToStrings(spans, sentenceText);
            String[] tags = tagger.tag(words);
            List<Token> tokens = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                tokens.add(new Token(words[i], start + spans[i].getStart(), start + spans[i].getEnd(), tags[i]));
            }
            out.add(new Sentence(start, end, sentenceText, tokens));
        }
    }
}
