package dev.newswire.enrich.pipeline.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dateline names the place a story was filed from: "MILAN 1996-08-30", "GRONINGEN, Netherlands
 * 1996-08-30", "LONDON, Dec 1 (Reuters) -". The CRF reads a lone ALL-CAPS word there as an
 * organisation about as often as a place ("CARDIFF", "WIGAN": ORG), so the place words of a
 * dateline, and the state or country after its comma, are labelled LOCATION. A schedule heading
 * ("FRIDAY, AUGUST 30 SCHEDULE") is not a dateline. Only this shape counts: ALL-CAPS words at the start of a
 * sentence, optionally ", Country", then a date (ISO, or a month and a day) or a news agency in
 * parentheses.
 */
final class Datelines {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{1,2},?");
    private static final Set<String> MONTHS = Set.of("jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march",
            "apr", "apr.", "april", "may", "jun", "june", "jul", "july", "aug", "aug.", "august", "sep", "sep.", "sept", "sept.",
            "september", "oct", "oct.", "october", "nov", "nov.", "november", "dec", "dec.", "december");
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Set<String> AGENCIES = Set.of("reuters", "ap", "afp", "upi", "dpa", "ips");

    private Datelines() {
    }

    /** A copy of {@code labels} with the place words of a dateline labelled LOCATION. */
    static List<String> placesAsLocations(List<String> words, List<String> labels) {
        int place = 0;
        while (place < words.size() && allCapsWord(words.get(place)) && !isMonth(words.get(place))
                && !WEEKDAYS.contains(words.get(place).toLowerCase(Locale.ROOT))) {
            place++;
        }
        if (place == 0 || place == words.size()) {
            return labels;
        }
        int i = place;
        int region = place;
        if (words.get(i).equals(",")) {
            i++;
            region = i;
            while (i < words.size() && Character.isUpperCase(words.get(i).codePointAt(0)) && !isMonth(words.get(i))) {
                i++;
            }
        }
        if (!dateOrAgencyAt(words, i)) {
            return labels;
        }
        // the place, and the state or country after its comma ("ROCHESTER, N.H.", "NICE, France")
        List<String> out = new ArrayList<>(labels);
        for (int k = 0; k < i; k++) {
            if (k < place || k >= region) {
                out.set(k, "LOCATION");
            }
        }
        return out;
    }

    private static boolean dateOrAgencyAt(List<String> words, int i) {
        if (i >= words.size()) {
            return false;
        }
        String w = words.get(i);
        if (ISO_DATE.matcher(w).matches()) {
            return true;
        }
        if (isMonth(w) && i + 1 < words.size() && DAY.matcher(words.get(i + 1)).matches()) {
            return true;
        }
        return w.equals("(") && i + 1 < words.size() && AGENCIES.contains(words.get(i + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isMonth(String w) {
        return MONTHS.contains(w.toLowerCase(Locale.ROOT));
    }

    /** "NEW", "YORK", "ST.", "N'DJAMENA": letters in capitals (dots, apostrophes and hyphens allowed), two or more letters. */
    private static boolean allCapsWord(String w) {
        int letters = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (c != '.' && c != '\'' && c != '-') {
                return false;
            }
        }
        return letters >= 2 || (letters == 1 && w.length() == 2 && w.endsWith("."));
    }
}
