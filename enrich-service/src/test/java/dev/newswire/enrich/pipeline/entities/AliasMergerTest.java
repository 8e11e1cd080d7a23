package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasMergerTest {

    private final AliasMerger merger = new AliasMerger(AliasTable.defaults());

    /** Mentions placed one after another in a made-up text, each with its own offsets. */
    private static List<Mention> mentions(String... surfaceAndType) {
        List<Mention> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < surfaceAndType.length; i += 2) {
            String surface = surfaceAndType[i];
            out.add(new Mention(at, at + surface.length(), surface, surfaceAndType[i + 1]));
            at += surface.length() + 10;
        }
        return out;
    }

    @Test
    void surnameTitleAndPossessiveJoinTheFullName() {
        List<AliasMerger.Cluster> clusters = merger.merge(mentions(
                "President Trump", "PERSON", "Donald Trump", "PERSON", "Trump's", "PERSON", "Trump", "ORGANIZATION", "Trump", "PERSON"));

        assertThat(clusters).hasSize(1);
        AliasMerger.Cluster c = clusters.get(0);
        assertThat(c.name()).isEqualTo("Donald Trump");
        assertThat(c.type()).isEqualTo("PERSON");
        assertThat(c.aliases()).containsExactly("Trump");
        assertThat(c.mentions()).hasSize(5);
        // "President Trump" at 0..15: the span covers only "Trump"; "Trump's" loses its "'s".
        assertThat(c.mentions().get(0).start()).isEqualTo("President ".length());
        assertThat(c.mentions().get(2).end() - c.mentions().get(2).start()).isEqualTo("Trump".length());
    }

    @Test
    void aliasTableMapsPlacesAndOrganisations() {
        List<AliasMerger.Cluster> clusters = merger.merge(mentions(
                "U.S.", "LOCATION", "US", "ORGANIZATION", "America", "LOCATION", "United States", "LOCATION", "UN", "ORGANIZATION", "U.N.", "ORGANIZATION"));

        assertThat(clusters).extracting(AliasMerger.Cluster::name).containsExactly("United States", "United Nations");
        assertThat(clusters.get(0).type()).isEqualTo("LOCATION");
        assertThat(clusters.get(0).aliases()).containsExactlyInAnyOrder("U.S.", "US", "America");
        assertThat(clusters.get(1).type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void typeIsTheMajorityOverMentions() {
        List<AliasMerger.Cluster> clusters = merger.merge(mentions(
                "Hamas", "ORGANIZATION", "Hamas", "LOCATION", "Hamas", "ORGANIZATION", "Jordan", "LOCATION"));
        assertThat(clusters).extracting(AliasMerger.Cluster::name, AliasMerger.Cluster::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hamas", "ORGANIZATION"), org.assertj.core.groups.Tuple.tuple("Jordan", "LOCATION"));
    }

    @Test
    void twoPeopleWithDifferentSurnamesStayApart() {
        List<AliasMerger.Cluster> clusters = merger.merge(mentions(
                "Steve Witkoff", "PERSON", "JD Vance", "PERSON", "Witkoff", "PERSON", "Vance", "PERSON", "Mike Johnson", "PERSON"));
        assertThat(clusters).extracting(AliasMerger.Cluster::name).containsExactly("Steve Witkoff", "JD Vance", "Mike Johnson");
        assertThat(clusters.get(0).mentions()).hasSize(2);
    }

    @Test
    void nothingNameLikeIsDropped() {
        assertThat(merger.merge(mentions("the", "MISC", "'s", "PERSON"))).isEmpty();
    }

    @Test
    void aTitleIsStrippedOnlyFromBeforeAName() {
        // "Queen" is a title before "Elizabeth", and the first word of the club "Queen of South"
        List<AliasMerger.Cluster> clusters = merger.merge(mentions("Queen of South", "ORGANIZATION", "Queen Elizabeth", "PERSON"));
        assertThat(clusters).extracting(AliasMerger.Cluster::name).containsExactly("Queen of South", "Elizabeth");
        assertThat(clusters.get(0).mentions().get(0).start()).isZero();
    }

    @Test
    void aNameInCapitalsKeepsTheTypeItGotInContext() {
        // a baseball schedule: "KANSAS CITY AT DETROIT" (the venue) among lines where DETROIT is the team
        List<AliasMerger.Cluster> clusters = merger.merge(mentions(
                "DETROIT", "ORGANIZATION", "DETROIT", "LOCATION", "DETROIT", "ORGANIZATION", "DETROIT", "ORGANIZATION"));
        assertThat(clusters).extracting(AliasMerger.Cluster::name, AliasMerger.Cluster::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DETROIT", "ORGANIZATION"), org.assertj.core.groups.Tuple.tuple("DETROIT", "LOCATION"));
        assertThat(clusters.get(1).mentions()).hasSize(1);
    }
}
