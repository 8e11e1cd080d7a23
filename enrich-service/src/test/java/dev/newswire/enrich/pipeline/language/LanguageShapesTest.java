package dev.newswire.enrich.pipeline.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * English news of every shape (all-caps headlines, one line, result tables, lists of names,
 * datelines) must come back English; real sentences in six other Latin-script languages and two
 * other scripts must not. Texts written for this test (no third-party data).
 */
class LanguageShapesTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = new LanguageDetector();
    }

    static final List<String> ENGLISH = List.of(
            "SOCCER - LEADING RESULTS FROM THE BRAZILIAN CHAMPIONSHIP",
            "CRICKET - YORKSHIRE TAKE LEAD AFTER INNINGS WIN",
            "Goias 1 Gremio 3\nPalmeiras 2 Santos 0\nFlamengo 1 Vasco da Gama 1",
            "CSKA Moscow ( Russia ) 9 6 3 15\nAjax Amsterdam ( Netherlands ) 9 5 2 12",
            "- Jesper Ronnback ( Sweden ) 25.76 points\n- Andreas Widhoelzl ( Austria ) 24.11 points",
            "RIO DE JANEIRO 1996-12-05",
            "Fannie Mae agrees to accounting changes",
            "Stocks rally as oil slips",
            "Standings after Sunday's games",
            "Hapoel Haifa 3 Maccabi Tel Aviv 1",
            "Leading scorers: Ronaldo 12, Romario 10, Bebeto 9",
            "Juventus, Milan and Inter top the table",
            "Results of German first division matches on Saturday",
            "MARKET TALK - BUND FUTURES SEEN OPENING HIGHER",
            "Bayern Munich 2 Borussia Dortmund 2\nWerder Bremen 1 Hamburg 0",
            "| Team | W | D | L |\n| Real Madrid | 9 | 2 | 1 |\n| Barcelona | 8 | 3 | 1 |",
            "President signs budget bill",
            "Quake hits northern Peru, no casualties reported",
            "Paris, Lyon and Marseille brace for strikes",
            "Angela Merkel, Emmanuel Macron, Pedro Sanchez",
            "Tennis: Seles beats Graf in Sydney final",
            "NEW YORK 1996-08-22\nThe dollar was firmer against the yen in early trade.",
            "Shares of Volkswagen fell 3 percent in Frankfurt.",
            "Oil prices hold steady ahead of OPEC meeting",
            "Election results: Labour 42 percent, Conservatives 31 percent");

    static final Map<String, List<String>> OTHER = Map.of(
            "de", List.of(
                    "Die Regierung hat am Montag neue Gespräche über den Haushalt angekündigt.",
                    "Der Bürgermeister sagte, dass die Brücke noch in diesem Jahr eröffnet wird.",
                    "Nach dem Unwetter sind viele Straßen in der Stadt gesperrt worden."),
            "fr", List.of(
                    "Le gouvernement a annoncé lundi une nouvelle série de mesures pour les agriculteurs.",
                    "Les habitants de la ville attendent toujours la réouverture du pont.",
                    "Selon la police, il n'y a pas eu de blessés lors de la manifestation."),
            "es", List.of(
                    "El gobierno anunció el lunes nuevas medidas para los agricultores del sur.",
                    "Los vecinos de la ciudad siguen esperando la reapertura del puente.",
                    "Según la policía, no hubo heridos durante la manifestación de ayer."),
            "it", List.of(
                    "Il governo ha annunciato lunedì nuove misure per gli agricoltori del sud.",
                    "Gli abitanti della città aspettano ancora la riapertura del ponte.",
                    "Secondo la polizia, non ci sono stati feriti durante la manifestazione."),
            "nl", List.of(
                    "De regering heeft maandag nieuwe maatregelen voor de boeren aangekondigd.",
                    "De inwoners van de stad wachten nog steeds op de heropening van de brug.",
                    "Volgens de politie zijn er bij de betoging geen gewonden gevallen."),
            "pt", List.of(
                    "O governo anunciou na segunda-feira novas medidas para os agricultores.",
                    "Os moradores da cidade ainda esperam a reabertura da ponte.",
                    "Segundo a polícia, não houve feridos durante a manifestação de ontem."),
            "ru", List.of("Правительство в понедельник объявило о новых мерах поддержки фермеров."),
            "el", List.of("Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για τους αγρότες."));

    @Test
    void englishOfEveryShapeIsEnglish() {
        List<String> wrong = new ArrayList<>();
        for (String text : ENGLISH) {
            String got = detector.detect(text, null);
            if (!got.equals("en")) {
                wrong.add(got + " <- " + text.replace('\n', '/'));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void otherLanguagesAreNotEnglish() {
        List<String> wrong = new ArrayList<>();
        OTHER.forEach((language, texts) -> {
            for (String text : texts) {
                String got = detector.detect(text, null);
                if (!got.equals(language)) {
                    wrong.add(language + " -> " + got + ": " + text);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }
}
