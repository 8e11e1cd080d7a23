package dev.newswire.ingest.feeds.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The robots.txt rules (RFC 9309) that apply to one user agent. Written here because no well-kept
 * parser is among the libraries this build can reach (crawler-commons is the usual one); the
 * subset is small and tested in RobotsRulesTest: groups by {@code user-agent} (the agent's product
 * token, case-insensitive; the {@code *} group when none names it; consecutive user-agent lines
 * share a group), {@code allow}/{@code disallow} with {@code *} and a trailing {@code $}, the
 * longest matching rule wins and allow wins a tie. Other lines (sitemap, crawl-delay) are ignored.
 */
public final class RobotsRules {

    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*"))));
    /** RFC 9309: parse at least 500 KiB; more is ignored. */
    public static final int MAX_BYTES = 512 * 1024;

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code robotsTxt} for the agent whose User-Agent starts with {@code productToken}. */
    public static RobotsRules parse(String robotsTxt, String productToken) {
        String me = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean mineFound = false;
        boolean inAgents = false;
        boolean groupIsMine = false;
        boolean groupIsStar = false;
        for (String raw : robotsTxt.split("\\r?\\n|\\r")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgents) {
                    groupIsMine = false;
                    groupIsStar = false;
                    inAgents = true;
                }
                String agent = value.toLowerCase(Locale.ROOT);
                if (agent.equals("*")) {
                    groupIsStar = true;
                } else if (!agent.isEmpty() && me.startsWith(agent)) {
                    groupIsMine = true;
                    mineFound = true;
                }
                continue;
            }
            inAgents = false;
            if (!key.equals("allow") && !key.equals("disallow")) {
                continue;
            }
            if (value.isEmpty()) {
                continue; // "Disallow:" with nothing = allow everything, the default anyway
            }
            Rule rule = new Rule(key.equals("allow"), value, compile(value));
            if (groupIsMine) {
                mine.add(rule);
            }
            if (groupIsStar) {
                star.add(rule);
            }
        }
        return new RobotsRules(mineFound ? mine : star);
    }

    /** True when {@code pathAndQuery} (e.g. {@code /news/a?x=1}) may be fetched. */
    public boolean allowed(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(path).matches()) {
                if (best == null || rule.path().length() > best.path().length()
                        || (rule.path().length() == best.path().length() && rule.allow())) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow();
    }

    private static Pattern compile(String path) {
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        StringBuilder regex = new StringBuilder();
        for (String part : body.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        if (!anchored) {
            regex.append(".*");
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
