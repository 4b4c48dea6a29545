package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.fuzz.Mutator;
import io.dealsync.fuzz.Mutator.Kind;
import io.dealsync.fuzz.SeedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The damage issue 12 and {@link HostileInputFuzzTest} found, kept as named cases and checked the fuzz
 * test's way (one child engine with -Xmx256m over all of them, then every check of {@link FuzzBatch}).
 */
class HostileInputCasesTest {

    /** A named case: the seed file, the kind of damage, the Random seed that placed it. */
    record Found(String name, String seed, Kind kind, long placement) {
    }

    static final List<Found> FOUND = List.of(
            // issue 12 as filed: these failed the whole file before the readers kept damage local
            new Found("nulInTheMiddleOfACsv", "generated", Kind.ONE_NUL, 3),
            new Found("threeNulsInACsv", "generated", Kind.NULS, 4),
            new Found("latin1BytesInOneLineOfAUtf8Csv", "generated", Kind.STRAY_LATIN1, 5),
            new Found("latin1BytesInAProfileCsv", "salesforce", Kind.STRAY_LATIN1, 6),
            new Found("nulInAJsonArray", "array", Kind.ONE_NUL, 7),
            new Found("nulInAJsonPage", "page", Kind.ONE_NUL, 8),
            new Found("invalidUtf8InNdjson", "ndjson", Kind.STRAY_LATIN1, 9),
            // a JSON element cut short: its reject line kept "raw": "" (now the text read of it)
            new Found("jsonArrayCutShort", "array", Kind.CUT, 10),
            new Found("jsonPageCutShort", "page", Kind.CUT, 11),
            // the heavy ones: within -Xmx256m, no hang
            new Found("twoMegabyteCellInACsv", "generated", Kind.BIG_CELL, 12),
            new Found("twoMegabyteStringInJson", "array", Kind.BIG_CELL, 13),
            new Found("deepNestingInJson", "array", Kind.DEEP_NESTING, 14),
            new Found("bomInTheMiddleOfAWindows1252Csv", "crm-fr", Kind.BOM_IN_THE_MIDDLE, 15),
            // not text throughout: fails whole, with its reason
            new Found("fileInAnotherEncoding", "canonical", Kind.OTHER_ENCODING, 16),
            new Found("headerCellDuplicated", "dynamics365", Kind.DUPLICATE_HEADER_CELL, 17),
            new Found("headerCellDropped", "crm-fr", Kind.DROP_HEADER_CELL, 18),
            new Found("unbalancedQuote", "canonical", Kind.INSERT_QUOTE, 19),
            new Found("stringForANumber", "page", Kind.STRING_FOR_NUMBER, 20),
            new Found("numberForAString", "ndjson", Kind.NUMBER_FOR_STRING, 21));

    @Test
    void everyFoundCaseLosesNothing(@TempDir Path tmp) throws Exception {
        List<SeedFile> seeds = SeedFile.all(tmp.resolve("seeds"));
        FuzzBatch b = new FuzzBatch(tmp.resolve("cases"), seeds);
        int i = 0;
        for (Found f : FOUND) {
            SeedFile s = seeds.stream().filter(x -> x.label.equals(f.seed())).findFirst().orElseThrow();
            String tag = "C" + i;
            byte[] original = s.bytes(tag);
            Mutator.Mutation m = Mutator.apply(f.kind(), original, s.charset, s.delimiter, new Random(f.placement()));
            b.add(s, String.format("c%02d-%s%s", i, f.name(), s.extension), tag, original,
                    new Mutator.Mutation(f.name() + ": " + m.description(), m.bytes(), m.singlePoint()));
            i++;
        }
        // found by the fuzz loop (seed 20261201, batch 4, b004-010-crm-fr.csv): a CRM ID wider than its column made
        // the stored-deal lookup fail ("right truncation"), taken for the database being down: exit 3, file stuck
        SeedFile fr = seeds.stream().filter(x -> x.label.equals("crm-fr")).findFirst().orElseThrow();
        byte[] original = fr.bytes("CW");
        int at = Mutator.firstLineEnd(original);
        byte[] wide = new byte[300];
        java.util.Arrays.fill(wide, (byte) 'W');
        byte[] damaged = java.nio.ByteBuffer.allocate(original.length + wide.length).put(original, 0, at).put(wide)
                .put(original, at, original.length - at).array();
        b.add(fr, "c90-crmIdWiderThanItsColumn.csv", "CW", original,
                new Mutator.Mutation("crmIdWiderThanItsColumn: 300 bytes before the first CRM ID", damaged, true));
        FuzzBatch.Case found = HostileInputFuzzTest.batch(tmp.resolve("replay"), seeds, 20261201L, 4).cases.get(10);
        b.add(found.seed(), "c91-fuzz-20261201-4-10-crm-fr.csv", found.tag(), found.original(), found.mutation());
        assertThat(b.run(0, 0)).isEmpty();
    }
}
