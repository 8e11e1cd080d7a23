package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelConsistencyTest {

    private final LabelConsistency consistency = new LabelConsistency(AliasTable.defaults());

    @Test
    void unlabelledRepeatsAndSurnamesGetTheDocumentsLabel() {
        List<List<String>> words = List.of(
                List.of("Billie", "Jean", "King", "named", "the", "team", "."),
                List.of("King", "said", "Seles", "would", "play", "in", "Spain", "."),
                List.of("Seles", "agreed", "."));
        List<List<String>> labels = List.of(
                List.of("PERSON", "PERSON", "PERSON", "O", "O", "O", "O"),
                List.of("O", "O", "PERSON", "O", "O", "O", "LOCATION", "O"),
                List.of("O", "O", "O"));

        List<List<String>> fixed = consistency.apply(words, labels);

        assertThat(fixed.get(1)).containsExactly("PERSON", "O", "PERSON", "O", "O", "O", "LOCATION", "O");
        assertThat(fixed.get(2)).containsExactly("PERSON", "O", "O");
        assertThat(fixed.get(0)).isEqualTo(labels.get(0));
    }

    @Test
    void aRepeatInsideALongerCapitalisedNameIsLeftAlone() {
        List<List<String>> words = List.of(
                List.of("Paris", "is", "big", "."),
                List.of("He", "met", "Paris", "Hilton", "."));
        List<List<String>> labels = List.of(
                List.of("LOCATION", "O", "O", "O"),
                List.of("O", "O", "O", "O", "O"));
        assertThat(consistency.apply(words, labels).get(1)).containsOnly("O");
    }

    @Test
    void aLoneSurnameTypedAsAPlaceBecomesThePerson() {
        List<List<String>> words = List.of(
                List.of("MaliVai", "Washington", "won", "."),
                List.of("Washington", "served", "well", "in", "Washington", "Heights", "."));
        List<List<String>> labels = List.of(
                List.of("PERSON", "PERSON", "O", "O"),
                List.of("LOCATION", "O", "O", "O", "LOCATION", "LOCATION", "O"));
        assertThat(consistency.apply(words, labels).get(1))
                .containsExactly("PERSON", "O", "O", "O", "LOCATION", "LOCATION", "O");
    }
}
