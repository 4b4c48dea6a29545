package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.model.Field;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceProfilesTest {
    @TempDir
    Path dir;

    private Path profile(String name, String text) throws IOException {
        Path p = dir.resolve(name + ".properties");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void theCanonicalProfileReadsFilesAsFormatsMdWritesThem() {
        SourceProfile c = SourceProfile.canonical();
        assertThat(c.isCanonical()).isTrue();
        assertThat(c.name()).isEmpty();
        assertThat(c.delimiter()).isEqualTo(',');
        assertThat(c.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(c.columnMapping()).isEmpty();
        assertThat(c.stageMapping()).isEmpty();
        assertThat(c.mapColumn("Notes")).isEqualTo("Notes");
        assertThat(c.toIsoDate("11/15/2030")).isEqualTo("2030-11-15");
        assertThat(SourceProfiles.forSource(Map.of(), "")).isSameAs(c);
        assertThat(SourceProfiles.forSource(Map.of(), "nope")).isNull();
    }

    @Test
    void loadsEveryKey() throws IOException {
        profile("fr", """
                # comment
                ! other comment
                description = a test profile
                delimiter=;
                encoding=cp1252
                date.pattern=dd/MM/yyyy
                decimal.separator=,
                thousands.separator=\\u0020
                yes.words=Oui, Vrai
                no.words=Non,Faux
                column.Nom de la transaction = Deal Name
                column.Montant estimé=Estimated Deal Value
                column.Ligne 1=Solution 1
                column.Équipe  2=team member 2
                column.Commercial=
                column.a\\=b=Notes
                stage.Présentation client=80
                stage.Id. Decision Makers = 40
                value.Partner Referral Status.Actif=Active
                """);
        Map<String, SourceProfile> all = SourceProfiles.load(dir);
        SourceProfile p = all.get("fr");
        assertThat(p.name()).isEqualTo("fr");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.charset().name()).isEqualTo("windows-1252");
        assertThat(p.datePattern()).isEqualTo("dd/MM/yyyy");
        assertThat(p.mapColumn("  NOM de la   transaction ")).isEqualTo("Deal Name");
        assertThat(p.mapColumn("Montant\u00a0estimé")).isEqualTo("Estimated Deal Value");
        assertThat(p.mapColumn("équipe 2")).isEqualTo("team member 2");
        assertThat(p.mapColumn("Commercial")).isEmpty();
        assertThat(p.mapColumn("a=b")).isEqualTo("Notes");
        assertThat(p.mapColumn("Notes")).isEqualTo("Notes");
        assertThat(p.stageMapping()).containsEntry("présentation client", 80).containsEntry("id. decision makers", 40);
        assertThat(p.stagePercent("PRÉSENTATION  CLIENT")).isEqualTo(80);
        assertThat(p.mapValue(Field.STATUS, "actif")).isEqualTo("Active");
        assertThat(p.mapValue(Field.STATUS, "Autre")).isEqualTo("Autre");

        assertThat(p.toIsoDate("05/11/2030")).isEqualTo("2030-11-05");
        assertThat(p.toIsoDate("5/1/2030")).isEqualTo("2030-01-05");
        assertThat(p.toIsoDate("2030-11-05")).isEqualTo("2030-11-05"); // ISO always accepted
        assertThat(p.toIsoDate("05/11/2030 14:30")).isEqualTo("2030-11-05");
        assertThat(p.toIsoDate("31/02/2030")).isNull();
        assertThat(p.toIsoDate("2/13/2030")).isNull();
        assertThat(p.toIsoDate(" ")).isEmpty();

        assertThat(p.toPlainAmount("1 234,56")).isEqualTo("1234.56");
        assertThat(p.toPlainAmount("1\u00a0234\u00a0567,8")).isEqualTo("1234567.8");
        assertThat(p.toPlainAmount("1\u202f234,00")).isEqualTo("1234");
        assertThat(p.toPlainAmount("-12,5")).isEqualTo("-12.5");
        assertThat(p.toPlainAmount("1234")).isEqualTo("1234");
        assertThat(p.toPlainAmount("1 23,4")).isNull();
        assertThat(p.toPlainAmount("1234.56")).isNull();
        assertThat(p.toPlainAmount("12,")).isNull();
        assertThat(p.toPlainAmount("abc")).isNull();

        assertThat(p.toYesNo("oui")).isEqualTo("Yes");
        assertThat(p.toYesNo("FAUX")).isEqualTo("No");
        assertThat(p.toYesNo("Yes")).isEqualTo("Yes");
    }

    @Test
    void usAmountsAndTabDelimiter() throws IOException {
        profile("us", "delimiter=tab\nthousands.separator=,\ndate.pattern=M/d/yyyy\n");
        SourceProfile p = SourceProfiles.load(dir).get("us");
        assertThat(p.delimiter()).isEqualTo('\t');
        assertThat(SourceProfile.of("t", "t", Map.of("delimiter", "\t")).delimiter()).isEqualTo('\t');
        profile("t2", "delimiter=\\t\nthousands.separator=\\ \n");
        SourceProfile t2 = SourceProfiles.load(dir).get("t2");
        assertThat(t2.delimiter()).isEqualTo('\t');
        assertThat(t2.toPlainAmount("1 234")).isEqualTo("1234");
        assertThat(p.toPlainAmount("48,500.00")).isEqualTo("48500");
        assertThat(p.toPlainAmount("1,5")).isNull();
        assertThat(p.toPlainAmount("1,234,567.891")).isEqualTo("1234567.891");
        assertThat(p.toIsoDate("11/5/2030")).isEqualTo("2030-11-05");
        assertThat(p.toIsoDate("11/5/2030 12:00 AM")).isEqualTo("2030-11-05");
    }

    @Test
    void everyProblemOfEveryFileIsListed() throws IOException {
        profile("x", """
                column.Foo=Bar
                date.pattern=dd/MM/yyyyy'
                encoding=EBCDIC-ish
                colour=blue
                delimiter=#
                stage.Closing=75
                decimal.separator=,
                thousands.separator=,
                yes.words=Oui
                no.words=oui
                value.Nope.x=y
                """);
        profile("y", "date.pattern=dd/MM\nno equals sign here\ndelimiter=;\ndelimiter=,\n");
        profile("bad name!", "delimiter=;\n");
        assertThatThrownBy(() -> SourceProfiles.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.properties: column.Foo maps to unknown canonical column 'Bar'")
                .hasMessageContaining("x.properties: bad date.pattern")
                .hasMessageContaining("x.properties: unknown encoding 'EBCDIC-ish'")
                .hasMessageContaining("x.properties: unknown key 'colour'")
                .hasMessageContaining("x.properties: delimiter '#'")
                .hasMessageContaining("stage.Closing maps to '75'")
                .hasMessageContaining("thousands.separator and decimal.separator are both ','")
                .hasMessageContaining("'oui' is both in yes.words and no.words")
                .hasMessageContaining("unknown canonical column 'Nope'")
                .hasMessageContaining("y.properties: bad date.pattern 'dd/MM'")
                .hasMessageContaining("y.properties: line 2 has no '='")
                .hasMessageContaining("y.properties: key 'delimiter' is given twice")
                .hasMessageContaining("'bad name!' is not a usable inbox folder name");
    }

    @Test
    void aMissingFolderHasNoProfiles() {
        assertThat(SourceProfiles.load(dir.resolve("none"))).isEmpty();
    }

    @Test
    void theShippedProfilesLoad() {
        Map<String, SourceProfile> all = SourceProfiles.load(Path.of("routes/profiles"));
        assertThat(all).containsKeys("dynamics365", "salesforce", "crm-fr");
        SourceProfile fr = all.get("crm-fr");
        assertThat(fr.delimiter()).isEqualTo(';');
        assertThat(fr.charset().name()).isEqualTo("windows-1252");
        assertThat(fr.toPlainAmount("1 234,56")).isEqualTo("1234.56");
        assertThat(all.get("salesforce").stagePercent("Id. Decision Makers")).isEqualTo(40);
        assertThat(all.get("salesforce").stagePercent("Closed Won")).isEqualTo(100);
        assertThat(all.get("dynamics365").mapColumn("(Do Not Modify) Opportunity")).isEqualTo("CRM ID");
        for (SourceProfile p : all.values()) {
            // every canonical column can be expressed through each shipped profile
            java.util.Set<String> targets = new java.util.HashSet<>();
            p.columnMapping().values().forEach(t -> targets.add(Field.key(t)));
            java.util.Set<Field> fields = java.util.EnumSet.noneOf(Field.class);
            p.columnMapping().values().stream().map(Field::byHeader).filter(java.util.Objects::nonNull).forEach(fields::add);
            assertThat(fields).as(p.name() + " maps every canonical column").containsExactlyInAnyOrder(Field.values());
            assertThat(targets).as(p.name()).contains("solution 1", "team member 1");
        }
    }
}
