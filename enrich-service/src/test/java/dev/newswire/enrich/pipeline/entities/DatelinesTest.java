package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatelinesTest {

    @Test
    void thePlaceOfADatelineIsALocation() {
        // the CRF reads these lone ALL-CAPS places as organisations
        assertThat(Datelines.placesAsLocations(List.of("CARDIFF", "1996-08-31"), List.of("ORGANIZATION", "O")))
                .containsExactly("LOCATION", "O");
        assertThat(Datelines.placesAsLocations(List.of("GRONINGEN", ",", "Netherlands", "1996-08-30"),
                List.of("ORGANIZATION", "O", "LOCATION", "O"))).containsExactly("LOCATION", "O", "LOCATION", "O");
        assertThat(Datelines.placesAsLocations(List.of("ROCHESTER", ",", "N.H.", "1996-08-30"), List.of("O", "O", "O", "O")))
                .containsExactly("LOCATION", "O", "LOCATION", "O");
        assertThat(Datelines.placesAsLocations(List.of("NEW", "YORK", "1996-08-30"), List.of("ORGANIZATION", "ORGANIZATION", "O")))
                .containsExactly("LOCATION", "LOCATION", "O");
        assertThat(Datelines.placesAsLocations(List.of("LONDON", ",", "Dec", "1", "(", "Reuters", ")", "-", "Shares", "fell"),
                List.of("O", "O", "O", "O", "O", "ORGANIZATION", "O", "O", "O", "O")).get(0)).isEqualTo("LOCATION");
    }

    @Test
    void otherAllCapsLinesAreLeftAlone() {
        List<String> headline = List.of("NFL", "AMERICAN", "FOOTBALL-RANDALL", "CUNNINGHAM", "RETIRES", ".");
        List<String> labels = List.of("ORGANIZATION", "O", "O", "PERSON", "O", "O");
        assertThat(Datelines.placesAsLocations(headline, labels)).isEqualTo(labels);
        List<String> table = List.of("KANSAS", "CITY", "AT", "DETROIT");
        List<String> tableLabels = List.of("ORGANIZATION", "ORGANIZATION", "O", "LOCATION");
        assertThat(Datelines.placesAsLocations(table, tableLabels)).isEqualTo(tableLabels);
        List<String> schedule = List.of("FRIDAY", ",", "AUGUST", "30", "SCHEDULE");
        List<String> scheduleLabels = List.of("O", "O", "O", "O", "O");
        assertThat(Datelines.placesAsLocations(schedule, scheduleLabels)).isEqualTo(scheduleLabels);
    }
}
