package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceProfileBuilderTest {

    private static Map<String, String> entries(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void everyKeyFamilyIsRead() {
        List<String> problems = new ArrayList<>();

        SourceProfile p = SourceProfileBuilder.build("fr", "fr.properties", entries(
                "delimiter", "semicolon", "ENCODING", "windows-1252", "date.pattern", "dd/MM/yyyy",
                "decimal.separator", ",", "thousands.separator", "space", "yes.words", "Oui, VRAI",
                "description", "anything", "column.Nom\u00a0de l'affaire", "Deal Name", "Stage.Présentation client", "80",
                "value.Partner Referral Status.Actif", "Active"), problems);

        assertThat(problems).isEmpty();
        assertThat(p.name()).isEqualTo("fr");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.charset().name()).isEqualTo("windows-1252");
        assertThat(p.datePattern()).isEqualTo("dd/MM/yyyy");
        assertThat(p.toPlainAmount("1 234,5")).isEqualTo("1234.5");
        assertThat(p.toYesNo("vrai")).isEqualTo("Yes");
        assertThat(p.mapColumn("nom de l'affaire")).isEqualTo("Deal Name");
        assertThat(p.stagePercent("présentation  CLIENT")).isEqualTo(80);
        assertThat(p.mapValue(Field.STATUS, " ACTIF ")).isEqualTo("Active");
    }

    @Test
    void everyProblemIsNotedWithTheOriginAndNoProfileIsBuilt() {
        List<String> problems = new ArrayList<>(List.of("an earlier file's problem"));

        SourceProfile p = SourceProfileBuilder.build("x", "x.properties", entries(
                "delimiter", "#", "encoding", "EBCDIC", "date.pattern", "", "decimal.separator", ",",
                "thousands.separator", ",", "yes.words", "oui", "no.words", "OUI", "column.", "Notes",
                "column.A", "Nope", "stage.Won", "15", "value.Nope.x", "y", "colour", "blue"), problems);

        assertThat(p).isNull();
        assertThat(problems).containsExactly(
                "an earlier file's problem",
                "x.properties: delimiter '#' is not one of ',' ';' '|' 'tab'",
                "x.properties: unknown encoding 'EBCDIC' (use UTF-8, windows-1252 or ISO-8859-1)",
                "x.properties: bad date.pattern '': empty pattern",
                "x.properties: '" + "column." + "' names no source column",
                "x.properties: column.A maps to unknown canonical column 'Nope'",
                "x.properties: stage.Won maps to '15', not a stage percentage (10, 20, 40, 60, 80, 100)",
                "x.properties: value.Nope.x names unknown canonical column 'Nope'"
                        + " (expected value.<canonical column>.<source value>)",
                "x.properties: unknown key 'colour'",
                "x.properties: thousands.separator and decimal.separator are both ','",
                "x.properties: 'oui' is both in yes.words and no.words");
    }

    @Test
    void noKeysGiveTheCanonicalForms() {
        List<String> problems = new ArrayList<>();

        SourceProfile p = SourceProfileBuilder.build("plain", "plain.properties", Map.of(), problems);

        assertThat(problems).isEmpty();
        assertThat(p.isCanonical()).isFalse();
        assertThat(p.delimiter()).isEqualTo(',');
        assertThat(p.datePattern()).isNull();
        assertThat(p.toIsoDate("11/15/2030")).isEqualTo("2030-11-15");
        assertThat(p.decimalSeparator()).isEqualTo('.');
    }
}
