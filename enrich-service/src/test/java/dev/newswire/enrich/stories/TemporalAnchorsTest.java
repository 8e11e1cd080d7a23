package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The explicit years an article places itself in: dated datelines and years in the title, not history in the body. */
class TemporalAnchorsTest {

    @Test
    void datelinesInTheirCommonFormsGiveTheirYear() {
        assertThat(TemporalAnchors.years("Navy foils pirate attack", "Updated: November 11, 2011 20:09 IST\n\nThe navy ...")).containsExactly(2011);
        assertThat(TemporalAnchors.years("INS Sukanya foils piracy attempt", "Sat Nov 12 2011, 01:19 hrs. Warship ...")).containsExactly(2011);
        assertThat(TemporalAnchors.years("Deep Throat suspect found dead", "Thursday 29 July 2004 08.23 BST. One of ...")).containsExactly(2004);
        assertThat(TemporalAnchors.years("Esther Williams dies at 91", "June 6th, 2013 7:38pm EDT. Championship ...")).containsExactly(2013);
        assertThat(TemporalAnchors.years("Chargers lineman faces DUI charges", "10:55 P.M. FEB. 2, 2009. Chargers ...")).containsExactly(2009);
        assertThat(TemporalAnchors.years("Fred LaRue dies", "updated 7 / 28 / 2004 3:02:00 PM ET")).containsExactly(2004);
        assertThat(TemporalAnchors.years("Patch released", "Published on 18th September 2013. Microsoft's ...")).containsExactly(2013);
        assertThat(TemporalAnchors.years("Patch released", "LONDON, 2013-09-18 (Reuters) - Microsoft ...")).containsExactly(2013);
    }

    @Test
    void aYearInTheTitleIsAnAnchorButNotAnAmountOrADecade() {
        assertThat(TemporalAnchors.years("Apple at Macworld 2009: no Jobs keynote", "Apple's marketing chief took the stage."))
                .containsExactly(2009);
        assertThat(TemporalAnchors.years("WWDC 2012 keynote: new MacBook Pro", null)).containsExactly(2012);
        assertThat(TemporalAnchors.years("Bettie Page, the 1950s pin-up, dies", "She was 85.")).isEmpty();
        assertThat(TemporalAnchors.years("Company sells unit for $2010 million", "The deal ...")).isEmpty();
        assertThat(TemporalAnchors.years("Quake kills 2011 people", "The toll ...")).containsExactly(2011); // a count read as a year: rare, accepted
    }

    @Test
    void yearsDeepInTheTextOrWithoutADateAreNotAnchors() {
        String lead = "Mark Felt, the FBI official known as Deep Throat, died on Thursday at 95. ".repeat(6);
        assertThat(TemporalAnchors.years("Mark Felt dies at 95", lead + "He revealed his role in 2005, thirty years after 1974."))
                .isEmpty();
        assertThat(TemporalAnchors.years("Felt dies", "In 2005 he revealed himself as the source.")).isEmpty();
        assertThat(TemporalAnchors.years(null, null)).isEmpty();
    }

    @Test
    void aLeadListingManyYearsAnchorsNothing() {
        assertThat(TemporalAnchors.years("Timeline: 2001, 2004, 2008, 2012", null)).isEmpty();
    }

    @Test
    void conflictNeedsYearsOnBothSidesAndNoneShared() {
        assertThat(TemporalAnchors.conflict(new int[] {2009}, new int[] {2012})).isTrue();
        assertThat(TemporalAnchors.conflict(new int[] {2009}, new int[] {2008, 2009})).isFalse();
        assertThat(TemporalAnchors.conflict(new int[0], new int[] {2012})).isFalse();
        assertThat(TemporalAnchors.shared(new int[] {2012}, new int[] {2012})).isTrue();
    }
}
