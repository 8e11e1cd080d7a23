package dev.newswire.enrich.pipeline.entities;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.Token;
import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stage 5, entities: NER over every sentence of the title and the text (prose, lists, tables,
 * headings, datelines; title mentions are kept apart as {@code titleSpans}), then
 * document-level label consistency, alias merging into one entry per real-world entity, type by
 * majority, salience, and spans as offsets into the clean text. Non-English text is skipped.
 * Thread-safe if the {@link EntityRecognizer} is (the CoreNLP one is).
 */
public final class EntityExtractor implements Stage {

    /** Penn tags of words that are never part of a name: verbs, adverbs, determiners, pronouns, ... */
    private static final Pattern NOT_IN_NAMES = Pattern.compile("VB.*|RB.*|IN|DT|PDT|PRP.*|CC|MD|W.*|TO|UH|EX");

    private final EntityRecognizer recognizer;
    private final LabelConsistency consistency;
    private final AliasMerger merger;
    private final AliasTable aliases;
    private final SalienceScorer salience = new SalienceScorer();
    private final HeadingNames headingNames;
    private final String component;

    /** CoreNLP CRF with the shipped alias table; loads the model (a few seconds). */
    public EntityExtractor() {
        this(new CoreNlpEntityRecognizer(), AliasTable.defaults());
    }

    public EntityExtractor(EntityRecognizer recognizer, AliasTable aliases) {
        this.recognizer = recognizer;
        this.consistency = new LabelConsistency(aliases);
        this.merger = new AliasMerger(aliases);
        this.aliases = aliases;
        this.headingNames = new HeadingNames(BackgroundCorpus.defaults(), aliases);
        this.component = recognizer.component() + "+alias-merge";
    }

    /** Runs the model once so the first article is not slow; call before reporting ready. */
    public void warmUp() {
        recognizer.warmUp();
    }

    @Override
    public String name() {
        return "entities";
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
        return "English NER not run";
    }

    @Override
    public Document apply(Document document) {
        // Title first: it is where a reader meets the names, and what the title names is salient.
        List<Sentence> all = new ArrayList<>(document.titleSentences());
        all.addAll(document.sentences());
        List<Boolean> titleCase = titleCaseLines(document, all);
        List<Mention> mentions = headingNames.filter(
                mentions(all, document.titleSentences().size(), titleCase, HeadingNames.lowerCaseWords(document)), document);
        List<AliasMerger.Cluster> clusters = merger.merge(mentions);
        int maxMentions = clusters.stream().mapToInt(c -> c.mentions().size()).max().orElse(1);
        int textLength = document.text() == null ? 0 : document.text().length();
        int leadEnd = leadEnd(document);
        List<Entity> entities = new ArrayList<>();
        for (AliasMerger.Cluster c : clusters) {
            double score = salience.score(c, maxMentions, textLength, document.title(), leadEnd);
            List<Span> spans = c.mentions().stream().filter(m -> !m.inTitle()).map(m -> new Span(m.start(), m.end())).toList();
            List<Span> titleSpans = c.mentions().stream().filter(Mention::inTitle).map(m -> new Span(m.start(), m.end())).toList();
            entities.add(new Entity(c.name(), EntityType.valueOf(c.type()), c.aliases(), c.mentions().size(), score, spans, titleSpans));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
        return document.withEntities(entities).withComponent(name(), component);
    }

    /** NER labels for all sentences, made consistent over the document, as character-offset mentions. */
    List<Mention> mentions(List<Sentence> sentences) {
        return mentions(sentences, 0, java.util.Collections.nCopies(sentences.size(), false), java.util.Set.of());
    }

    /**
     * As {@link #mentions(List)}, where the first {@code titleSentences} sentences are the title's and
     * {@code titleCase} marks Title Case lines (headings, table rows, the title).
     */
    List<Mention> mentions(List<Sentence> sentences, int titleSentences, List<Boolean> titleCase, java.util.Set<String> lowerCaseWords) {
        List<List<String>> words = new ArrayList<>(sentences.size());
        List<List<String>> nerWords = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            List<String> w = sentences.get(i).tokens().stream().map(Token::text).toList();
            words.add(w);
            nerWords.add(headingNames.forNer(w, titleCase.get(i), lowerCaseWords));
        }
        // Edges are trimmed before the document-level pass so a bad run ("Demonstrating Washington"
        // as a person) cannot teach it a wrong surname.
        List<List<String>> tagged = new ArrayList<>(withPlacesAndPeopleAsWritten(words, nerWords, recognizer.label(nerWords)));
        for (int i = 0; i < tagged.size(); i++) {
            tagged.set(i, Datelines.placesAsLocations(words.get(i), tagged.get(i)));
        }
        List<List<String>> labels = consistency.apply(words, withoutNonNameEdges(sentences, tagged, aliases, headingNames));
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i).tokens();
            for (TokenSpans.Run run : TokenSpans.runs(labels.get(i))) {
                int start = tokens.get(run.start()).start();
                int end = tokens.get(run.end() - 1).end();
                String surface = sentences.get(i).text().substring(start - sentences.get(i).start(), end - sentences.get(i).start());
                mentions.add(new Mention(start, end, surface, typeInContext(run, tokens), i < titleSentences));
            }
        }
        return CoordinatedNames.split(splitCompounds(mentions));
    }

    /**
     * Lowering the common words of a Title Case line also lowers names the news corpus uses often
     * ("Czech Republic at Germany", "United States at Netherlands" in a draw list: every word is
     * frequent in Reuters). Those lines are labelled as written too; a place or person found there
     * where the lowered line has nothing is kept. Organisations are not taken over: reading a whole
     * web heading as one organisation is the error the lowering exists for.
     */
    private List<List<String>> withPlacesAndPeopleAsWritten(List<List<String>> words, List<List<String>> nerWords,
                                                            List<List<String>> labels) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equals(nerWords.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return labels;
        }
        List<List<String>> asWritten = recognizer.label(changed.stream().map(words::get).toList());
        List<List<String>> out = new ArrayList<>(labels);
        for (int c = 0; c < changed.size(); c++) {
            int i = changed.get(c);
            List<String> merged = new ArrayList<>(labels.get(i));
            List<String> written = asWritten.get(c);
            for (TokenSpans.Run run : TokenSpans.runs(written)) {
                boolean placeOrPerson = run.type().equals("LOCATION") || run.type().equals("PERSON");
                boolean wholeLine = run.start() == 0 && run.end() == written.size();
                boolean free = true;
                for (int k = run.start(); k < run.end(); k++) {
                    free &= EntityRecognizer.OTHER.equals(merged.get(k));
                }
                boolean edgesFree = (run.start() == 0 || EntityRecognizer.OTHER.equals(merged.get(run.start() - 1)))
                        && (run.end() == merged.size() || EntityRecognizer.OTHER.equals(merged.get(run.end())));
                if (placeOrPerson && !wholeLine && free && edgesFree) {
                    for (int k = run.start(); k < run.end(); k++) {
                        merged.set(k, written.get(k));
                    }
                }
            }
            out.set(i, merged);
        }
        return out;
    }

    /** A copy of {@code labels} with verbs, adverbs and function words at the edges of runs set to O. */
    private static List<List<String>> withoutNonNameEdges(List<Sentence> sentences, List<List<String>> labels, AliasTable aliases,
                                                          HeadingNames headingNames) {
        List<List<String>> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            List<Token> tokens = sentences.get(i).tokens();
            List<String> sentence = new ArrayList<>(labels.get(i));
            for (TokenSpans.Run run : TokenSpans.runs(labels.get(i))) {
                int first = run.start();
                int last = run.end() - 1;
                // The CRF sometimes pulls a sentence-initial adverb or an imperative verb into a name
                // ("Ultimately", "Demonstrating Washington"); names are nouns, so those are trimmed off.
                // ALL-CAPS words (wire headlines, datelines) are left alone: the POS model guesses there
                // Only a word that is lower case or an ordinary news word ("Ultimately", "Demonstrating")
                // is trimmed: the UD POS model also tags capitalised first names as RB or VB ("Henry/RB
                // Honiball", "Payne/VB Stewart"), and those must stay in the name.
                while (first <= last && notInName(tokens, first, headingNames)) {
                    first++;
                }
                while (last >= first && notInName(tokens, last, headingNames)) {
                    last--;
                }
                if (first <= last && forcedCapital(tokens, first) && first + 1 < tokens.size()
                        && (adverbBeforeComma(tokens, first, last) || gerundBeforeName(tokens, first, last)
                                || verbBeforeKnownName(tokens, first, last, aliases))) {
                    first++;
                }
                for (int k = run.start(); k < run.end(); k++) {
                    if (k < first || k > last) {
                        sentence.set(k, EntityRecognizer.OTHER);
                    }
                }
            }
            out.add(sentence);
        }
        return out;
    }

    private static boolean notInName(List<Token> tokens, int i, HeadingNames headingNames) {
        Token token = tokens.get(i);
        String w = token.text();
        if (!NOT_IN_NAMES.matcher(token.pos()).matches() || allCaps(w)) {
            return false;
        }
        if (!Character.isUpperCase(w.codePointAt(0))) {
            return true;
        }
        // A capital inside a sentence is the writer's: "Will Carling", "All Blacks", "Cambridge
        // United" keep their words. Only a capital forced by the position can hide a non-name word.
        if (!forcedCapital(tokens, i)) {
            return false;
        }
        // Open-class tags on a capitalised word are the POS model guessing ("Henry/RB", "Payne/VB"):
        // only the shapes of real adverbs and verb forms are trimmed. Closed classes (the, in, of, ...)
        // are trimmed when the word is an ordinary one.
        boolean openClass = token.pos().startsWith("VB") || token.pos().startsWith("RB");
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        boolean verbOrAdverbShape = lower.endsWith("ly") || lower.endsWith("ing") || lower.endsWith("ed");
        return headingNames.ordinaryWord(w) && (!openClass || verbOrAdverbShape);
    }

    private static boolean allCaps(String word) {
        return word.length() > 1 && word.chars().anyMatch(Character::isLetter) && word.equals(word.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * "Israel-Hamas talks", "the Trump-Netanyahu meeting", "US-Iran tensions": tokens stay whole for
     * the CRF (as in its CoNLL training data), which then calls the compound one MISC name. When
     * every part is a name recognised on its own elsewhere in the article, the compound becomes one
     * mention per part with that part's type; "Anne-Gaelle Sidot" stays whole.
     */
    static List<Mention> splitCompounds(List<Mention> mentions) {
        Map<String, String> known = new HashMap<>();
        for (Mention m : mentions) {
            if (m.surface().indexOf('-') < 0) {
                known.putIfAbsent(m.surface(), m.type());
                String[] words = m.surface().split(" ");
                if (m.type().equals("PERSON") && words.length > 1) {
                    known.putIfAbsent(words[words.length - 1], "PERSON");
                }
            }
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String[] parts = m.surface().split("-");
            boolean allKnown = parts.length > 1;
            for (String part : parts) {
                allKnown &= known.containsKey(part);
            }
            if (!allKnown) {
                out.add(m);
                continue;
            }
            int at = 0;
            for (String part : parts) {
                int offset = m.surface().indexOf(part, at);
                out.add(new Mention(m.start() + offset, m.start() + offset + part.length(), part, known.get(part), m.inTitle()));
                at = offset + part.length();
            }
        }
        return out;
    }

    /**
     * The UD POS model tags any capitalised word as a proper noun, so a sentence- or list-initial
     * "Ultimately," or "Demonstrating Washington" reaches NER as a name. Word shape catches the
     * common cases without a dictionary: an -ly word alone before a comma, an -ing word before a name.
     */
    private static boolean forcedCapital(List<Token> tokens, int i) {
        return i == 0 || tokens.get(i - 1).text().equals(":") || tokens.get(i - 1).text().equals("\"");
    }

    private static boolean adverbBeforeComma(List<Token> tokens, int first, int last) {
        String w = tokens.get(first).text();
        return first == last && w.length() > 5 && w.endsWith("ly") && tokens.get(first + 1).text().equals(",");
    }

    private static boolean gerundBeforeName(List<Token> tokens, int first, int last) {
        String w = tokens.get(first).text();
        return first < last && w.length() > 5 && w.endsWith("ing");
    }

    /** "Empower UN and ...": an imperative opening a list item, before a name the alias table knows. */
    private static boolean verbBeforeKnownName(List<Token> tokens, int first, int last, AliasTable aliases) {
        if (first >= last) {
            return false;
        }
        StringBuilder rest = new StringBuilder(tokens.get(first + 1).text());
        for (int k = first + 2; k <= last; k++) {
            rest.append(' ').append(tokens.get(k).text());
        }
        return aliases.canonical(rest.toString()).isPresent() && aliases.canonical(tokens.get(first).text()).isEmpty();
    }

    /** "Trump administration", "Biden administration": the name before it is a person, not a place. */
    private static String typeInContext(TokenSpans.Run run, List<Token> tokens) {
        boolean shortName = run.end() - run.start() <= 2;
        if (shortName && run.end() < tokens.size() && tokens.get(run.end()).text().equals("administration")) {
            return "PERSON";
        }
        return run.type();
    }

    /** Per sentence (title first): is it a Title Case heading, table row or title? Prose never is. */
    private static List<Boolean> titleCaseLines(Document document, List<Sentence> all) {
        int titleCount = document.titleSentences().size();
        boolean titleIsTitleCase = document.title() != null && HeadingNames.titleCase(document.title());
        List<Boolean> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (i < titleCount) {
                out.add(titleIsTitleCase);
                continue;
            }
            Sentence s = all.get(i);
            boolean flag = false;
            for (Block b : document.blocks()) {
                if (b.start() <= s.start() && s.end() <= b.end()) {
                    flag = !b.isProse() && HeadingNames.titleCase(s.text());
                    break;
                }
            }
            out.add(flag);
        }
        return out;
    }

    private static int leadEnd(Document document) {
        for (Block b : document.blocks()) {
            if (b.kind() == Block.Kind.PARAGRAPH) {
                return b.end();
            }
        }
        return 0;
    }
}
