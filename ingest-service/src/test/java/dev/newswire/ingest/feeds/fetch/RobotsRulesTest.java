package dev.newswire.ingest.feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static final String ROBOTS = """
            # comments are ignored
            User-agent: *
            Disallow: /private/
            Allow: /private/press/
            Disallow: /*.pdf$

            User-agent: OtherBot
            User-agent: NewswireBot
            Disallow: /news/drafts
            Allow: /news/drafts/public

            User-agent: BadBot
            Disallow: /
            """;

    @Test
    void theAgentsOwnGroupAppliesInsteadOfTheStarGroup() {
        RobotsRules rules = RobotsRules.parse(ROBOTS, "NewswireBot");
        assertThat(rules.allowed("/news/drafts/x")).isFalse();
        assertThat(rules.allowed("/news/drafts/public/y")).as("longest match wins").isTrue();
        assertThat(rules.allowed("/private/x")).as("the * group does not apply to a named agent").isTrue();
        assertThat(rules.allowed("/")).isTrue();
    }

    @Test
    void otherAgentsGetTheStarGroupWithWildcards() {
        RobotsRules rules = RobotsRules.parse(ROBOTS, "SomeCrawler");
        assertThat(rules.allowed("/private/a")).isFalse();
        assertThat(rules.allowed("/private/press/a")).isTrue();
        assertThat(rules.allowed("/files/report.pdf")).isFalse();
        assertThat(rules.allowed("/files/report.pdf?x=1")).as("$ anchors the end").isTrue();
        assertThat(RobotsRules.parse(ROBOTS, "BadBot").allowed("/anything")).isFalse();
    }

    @Test
    void emptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "NewswireBot").allowed("/a")).isTrue();
        assertThat(RobotsRules.DISALLOW_ALL.allowed("/a")).isFalse();
    }
}
