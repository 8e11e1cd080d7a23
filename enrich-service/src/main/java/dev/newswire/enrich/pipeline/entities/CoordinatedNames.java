package dev.newswire.enrich.pipeline.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Nice and Paris St Germain", "Mercantile or Commerce": the CRF labels every token of two
 * coordinated names as one organisation (its IO labels cannot mark where the second begins). A
 * mention with one " and " / " or " between two capitalised parts becomes two mentions when one
 * part is recognised on its own elsewhere in the article; names that contain the conjunction
 * ("Organisation for Security and Cooperation in Europe", "Test and County Cricket Board") have no
 * such part and stay whole. CoNLL-2003 dev: see docs/benchmarks/quality.md.
 */
final class CoordinatedNames {

    private static final Pattern CONJUNCTION = Pattern.compile(" (?:and|or) ");

    private CoordinatedNames() {
    }

    static List<Mention> split(List<Mention> mentions) {
        Map<String, String> alone = new HashMap<>();
        for (Mention m : mentions) {
            if (!CONJUNCTION.matcher(m.surface()).find()) {
                alone.putIfAbsent(m.surface(), m.type());
            }
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            Matcher c = CONJUNCTION.matcher(m.surface());
            if (!c.find()) {
                out.add(m);
                continue;
            }
            String left = m.surface().substring(0, c.start());
            String right = m.surface().substring(c.end());
            boolean oneConjunction = !CONJUNCTION.matcher(right).find();
            boolean capitalised = Character.isUpperCase(left.codePointAt(0)) && Character.isUpperCase(right.codePointAt(0));
            if (!oneConjunction || !capitalised || !(alone.containsKey(left) || alone.containsKey(right))) {
                out.add(m);
                continue;
            }
            out.add(new Mention(m.start(), m.start() + left.length(), left, alone.getOrDefault(left, m.type()), m.inTitle()));
            out.add(new Mention(m.start() + c.end(), m.end(), right, alone.getOrDefault(right, m.type()), m.inTitle()));
        }
        return out;
    }
}
