package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatedNamesTest {

    private static Mention at(String text, String surface, String type) {
        int start = text.indexOf(surface);
        return new Mention(start, start + surface.length(), surface, type);
    }

    @Test
    void twoCoordinatedNamesReadAsOneAreSplitWhenOneIsKnownAlone() {
        String text = "Baratelli, who played for Nice and Paris St Germain, takes over after Nice's defeat.";
        List<Mention> out = CoordinatedNames.split(List.of(
                at(text, "Baratelli", "PERSON"), at(text, "Nice and Paris St Germain", "ORGANIZATION"),
                new Mention(text.lastIndexOf("Nice"), text.lastIndexOf("Nice") + 4, "Nice", "ORGANIZATION")));
        assertThat(out).extracting(Mention::surface).containsExactly("Baratelli", "Nice", "Paris St Germain", "Nice");
        Mention psg = out.get(2);
        assertThat(text.substring(psg.start(), psg.end())).isEqualTo("Paris St Germain");
        assertThat(psg.type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void aNameThatContainsTheConjunctionStaysWhole() {
        String text = "The Organisation for Security and Cooperation in Europe and the Test and County Cricket Board met.";
        List<Mention> in = List.of(at(text, "Organisation for Security and Cooperation in Europe", "ORGANIZATION"),
                at(text, "Test and County Cricket Board", "ORGANIZATION"), at(text, "Europe", "LOCATION"));
        assertThat(CoordinatedNames.split(in)).isEqualTo(in);
    }
}
