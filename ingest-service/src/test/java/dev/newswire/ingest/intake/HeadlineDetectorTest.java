package dev.newswire.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineDetectorTest {

    @Test
    void shortFirstLineWithoutFullStopFollowedByTextIsTheHeadline() {
        assertThat(HeadlineDetector.headline("\n  Trump and Netanyahu Meet Again  \n\nBy a reporter.\nText."))
                .contains("Trump and Netanyahu Meet Again");
        assertThat(HeadlineDetector.headline("Is this the end?\nMaybe not.")).contains("Is this the end?");
    }

    @Test
    void paragraphsListItemsAndLoneLinesAreNoHeadline() {
        assertThat(HeadlineDetector.headline("The minister met officials on Monday.\nTalks continue.")).isEmpty();
        assertThat(HeadlineDetector.headline("- Gaza remains the central topic\nMore.")).isEmpty();
        assertThat(HeadlineDetector.headline("Only one line here")).isEmpty();
        assertThat(HeadlineDetector.headline("Summary:\nThe text.")).isEmpty();
        assertThat(HeadlineDetector.headline("word ".repeat(31) + "\nText")).isEmpty();
        assertThat(HeadlineDetector.headline("x".repeat(201) + "\nText")).isEmpty();
        assertThat(HeadlineDetector.headline("   \n  ")).isEmpty();
        assertThat(HeadlineDetector.headline(null)).isEmpty();
    }
}
