package dev.newswire.enrich.stories;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years an article explicitly places itself in: a year in the title ("Macworld 2009: …"), or a
 * full calendar date with a year in the lead, where datelines and "Published: July 28, 2004" lines
 * sit ("Nov 12, 2011", "29 July 2004", "7/28/2004", "2011-11-12"). A story step must not rely on
 * publishedAt alone: wire copy about an event of years ago arrives today, and two launches by one
 * company in two years share every entity. Bare years deeper in the text are left out on purpose:
 * they are mostly history ("founded in 1972", "since 2005"), not the time of the reported event.
 * The article's own publication year is dropped as well: every dateline of the day names it, so it
 * tells no two events apart; what is left marks coverage of an event of another year (a retrospective,
 * a late wire, an archive replay), where publication time says nothing about which event it is.
 *
 * <p>Hand-written (a few regular expressions) rather than a temporal tagger: CoreNLP's SUTime would
 * bring its rule files and a second pass over the text for a feature that needs only explicit years;
 * OpenNLP, on the classpath, has no date model.
 */
final class TemporalAnchors {

    /** Characters of the text read after the title: the dateline and first sentence or two. */
    static final int LEAD_CHARS = 400;
    /** Years outside this range are not read as calendar years (phone numbers, counts, model numbers). */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2099;
    /** At most this many anchors per article: a lead listing many years anchors nothing. */
    static final int MAX_ANCHORS = 3;

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(?:[0-2]?\\d|3[01])(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    /** "Nov 12, 2011", "November 12 2011", "12 November 2011", "12th of Nov. 2011", "7/28/2004", "28.07.2004", "2004-07-28". */
    private static final Pattern DATE = Pattern.compile(
            "\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b"
                    + "|\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b"
                    + "|\\b\\d{1,2}\\s*[/.]\\s*\\d{1,2}\\s*[/.]\\s*" + YEAR + "\\b"
                    + "|\\b" + YEAR + "-[01]\\d-[0-3]\\d\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\w$€£.,/-])" + YEAR + "(?![\\w%]|\\s*(?:[/.]\\s*\\d|-[01]\\d))");

    private TemporalAnchors() {
    }

    /**
     * The anchor years other than {@code publicationYear}, ascending; empty when the article names no
     * date of another year (most articles of a live stream).
     */
    static int[] years(String title, String text, int publicationYear) {
        return java.util.Arrays.stream(years(title, text)).filter(y -> y != publicationYear).toArray();
    }

    /** The anchor years, ascending; empty when the article names no date. */
    static int[] years(String title, String text) {
        TreeSet<Integer> years = new TreeSet<>();
        if (title != null) {
            add(years, BARE_YEAR.matcher(title.length() > ArticleFeatures.MAX_TITLE_CHARS
                    ? title.substring(0, ArticleFeatures.MAX_TITLE_CHARS) : title));
            add(years, DATE.matcher(title));
        }
        if (text != null) {
            add(years, DATE.matcher(text.length() > LEAD_CHARS ? text.substring(0, LEAD_CHARS) : text));
        }
        if (years.size() > MAX_ANCHORS) {
            return new int[0];
        }
        return years.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(TreeSet<Integer> years, Matcher m) {
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    int year = Integer.parseInt(m.group(g));
                    if (year >= MIN_YEAR && year <= MAX_YEAR) {
                        years.add(year);
                    }
                }
            }
        }
    }

    /** Whether both name years and none in common: two reports of one event do not disagree on its year. */
    static boolean conflict(int[] article, int[] story) {
        return article.length > 0 && story.length > 0 && !shared(article, story);
    }

    static boolean shared(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }
}
