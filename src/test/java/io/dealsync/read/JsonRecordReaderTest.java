package io.dealsync.read;

import static io.dealsync.read.CsvRecordReaderTest.readAll;
import static io.dealsync.read.CsvRecordReaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return CsvRecordReaderTest.write(dir, name, content);
    }

    private static List<SourceRecord> read(Path p) throws Exception {
        return readAll(RecordReaders.open(p, SourceProfile.canonical()));
    }

    private static String ids(List<SourceRecord> recs) {
        StringBuilder sb = new StringBuilder();
        for (SourceRecord r : recs) {
            sb.append(r.position()).append(r.isMalformed() ? "!" : ":" + r.deal().getReferralId()).append(' ');
        }
        return sb.toString().strip();
    }

    @Test
    void mapsEveryFieldOfTheReferralResource() throws Exception {
        try (JsonRecordReader r = (JsonRecordReader) RecordReaders.open(resource("/ingest/referrals-array.json"),
                SourceProfile.canonical())) {
            assertThat(r.kind()).isEqualTo(RecordReader.Kind.JSON);
            assertThat(r.header()).isEmpty();
            assertThat(r.unknownColumns()).isEmpty();
            assertThat(r.shape()).isEqualTo(JsonRecordReader.Shape.ARRAY);
            assertThat(r.isNdjson()).isFalse();
            SourceRecord rec = r.next();
            assertThat(rec.position()).isEqualTo(1);
            assertThat(rec.problems()).isEmpty();
            Deal d = rec.deal();
            assertThat(d.get(Field.REFERRAL_ID)).isEqualTo("REF-1001");
            assertThat(d.get(Field.ENGAGEMENT_ID)).isEqualTo("ENG-1001");
            assertThat(d.get(Field.CRM_ID)).isEqualTo("CRM-1001");
            assertThat(d.get(Field.PARTNER_ID)).isEqualTo("1234567");
            assertThat(d.get(Field.DEAL_NAME)).isEqualTo("Contoso infrastructure assessment");
            assertThat(d.get(Field.DEAL_TYPE)).isEqualTo("Solution Assessment");
            assertThat(d.get(Field.DIRECTION)).isEqualTo("Outgoing");
            assertThat(d.get(Field.LOCATION)).isEqualTo("US");
            assertThat(d.get(Field.STATUS)).isEqualTo("Active");
            assertThat(d.get(Field.SUBSTATUS)).isEqualTo("Accepted");
            assertThat(d.get(Field.STATUS_REASON)).isEqualTo("on track");
            assertThat(d.get(Field.REASON_CODE)).isEmpty();
            assertThat(d.get(Field.SALES_STAGE)).isEqualTo("40");
            assertThat(d.get(Field.MARKETING_CAMPAIGN_ID)).isEqualTo("CAMP-9");
            assertThat(d.get(Field.ASSESSMENT_LOCATION)).isEqualTo("US");
            assertThat(d.get(Field.CREATED_DATE)).isEqualTo("2026-01-12");
            assertThat(d.get(Field.RECEIVED_DATE)).isEqualTo("2026-01-13"); // 23:30 at -05:00 is the 13th in UTC
            assertThat(d.get(Field.CUSTOMER_NAME)).isEqualTo("Contoso Ltd (fictitious)");
            assertThat(d.get(Field.CUSTOMER_ADDRESS_1)).isEqualTo("100 Example Avenue");
            assertThat(d.get(Field.CUSTOMER_ADDRESS_2)).isEqualTo("Floor 2");
            assertThat(d.get(Field.CUSTOMER_CITY)).isEqualTo("Redmond");
            assertThat(d.get(Field.CUSTOMER_STATE)).isEqualTo("WA");
            assertThat(d.get(Field.CUSTOMER_POSTAL_CODE)).isEqualTo("98052");
            assertThat(d.get(Field.CUSTOMER_COUNTRY)).isEqualTo("US");
            assertThat(d.get(Field.CUSTOMER_DUNS)).isEqualTo("123456789");
            assertThat(d.get(Field.CONTACT_FIRST_NAME)).isEqualTo("Avery");
            assertThat(d.get(Field.CONTACT_LAST_NAME)).isEqualTo("Sample");
            assertThat(d.get(Field.CONTACT_PHONE)).isEqualTo("+1 425 555 0100");
            assertThat(d.get(Field.CONTACT_EMAIL)).isEqualTo("avery.sample@contoso.example");
            assertThat(d.get(Field.CONSENT)).isEqualTo("Yes");
            assertThat(d.get(Field.NOTES)).isEqualTo("Assess 120 servers");
            assertThat(d.get(Field.ESTIMATED_VALUE)).isEqualTo("48500.5");
            assertThat(d.get(Field.CURRENCY)).isEqualTo("USD");
            assertThat(d.get(Field.ESTIMATED_CLOSE_DATE)).isEqualTo("2031-06-30");
            assertThat(d.getSolutions()).containsExactly(new Solution("SOL-SA-INFRA", "USD", "1000", "2"));
            assertThat(d.getTeam()).containsExactly(new TeamMember("Jordan", "Example", "+1 425 555 0101",
                    "jordan.example@partner.example"));
            assertThat(d.get(Field.INVITED_BY)).isEqualTo("msft");
            assertThat(d.get(Field.STAGE_SECURE_LOE)).isEqualTo("2026-02-02");
            assertThat(d.get(Field.STAGE_COLLECT_DATA)).isEqualTo("2026-03-09");
            assertThat(d.get(Field.STAGE_PREPARE_REPORT)).isEmpty();
            assertThat(rec.presentColumns()).contains(Field.STAGE_PREPARE_REPORT.header(), SourceRecord.SOLUTIONS,
                    SourceRecord.TEAM).doesNotContain(Field.STAGE_PRESENT.header());
            assertThat(new ObjectMapper().readTree(rec.rawJson()).get("id").asText()).isEqualTo("REF-1001");
            assertThat(rec.rawIsObject()).isTrue();

            SourceRecord second = r.next();
            assertThat(second.position()).isEqualTo(2);
            assertThat(second.deal().get(Field.SALES_STAGE)).isEqualTo("100");
            assertThat(second.deal().getTeam()).hasSize(1); // lenient: one object instead of an array
            assertThat(second.presentColumns()).containsExactlyInAnyOrder("Referral ID", "Deal Name", "Sales Stage",
                    SourceRecord.TEAM);
            assertThat(r.hasNext()).isFalse();
        }
    }

    @Test
    void readsAnApiPageWhateverTheOrderOfItsKeys() throws Exception {
        try (JsonRecordReader r = (JsonRecordReader) RecordReaders.open(resource("/ingest/referrals-page.json"),
                SourceProfile.canonical())) {
            assertThat(r.shape()).isEqualTo(JsonRecordReader.Shape.PAGE);
            List<SourceRecord> recs = readAll(r);
            assertThat(ids(recs)).isEqualTo("1:REF-2001 2:REF-2002 3:REF-2003");
            assertThat(recs.get(0).deal().getCrmId()).isEqualTo("CRM-2001"); // crmId wins over externalReferenceId
        }
        List<SourceRecord> first = read(file("p.json", "{\"value\":[{\"id\":\"A\"}],\"nextLink\":\"x\"}"));
        assertThat(ids(first)).isEqualTo("1:A");
    }

    @Test
    void readsNdjsonAndGoesOnAfterABrokenLine() throws Exception {
        try (JsonRecordReader r = (JsonRecordReader) RecordReaders.open(resource("/ingest/referrals.ndjson"),
                SourceProfile.canonical())) {
            assertThat(r.isNdjson()).isTrue();
            List<SourceRecord> recs = readAll(r);
            assertThat(ids(recs)).isEqualTo("1:REF-3001 3:REF-3002 4! 5! 6:REF-3005");
            assertThat(recs.get(2).malformed()).contains("Line 4 is not valid JSON");
            assertThat(recs.get(2).rawJson()).isEqualTo("{\"id\": broken");
            assertThat(recs.get(2).rawIsObject()).isFalse();
            assertThat(recs.get(3).malformed()).contains("a number, not an object");
            assertThat(recs.get(3).rawJson()).isEqualTo("42");
        }
    }

    @Test
    void aJsonFileHoldingNdjsonIsToldApartByItsContent() throws Exception {
        Path p = file("lines.json", "{\"id\":\"A\"}\n{\"id\":\"B\"} \n\n{\"id\":\"C\"}\n");
        try (JsonRecordReader r = (JsonRecordReader) RecordReaders.open(p, SourceProfile.canonical())) {
            assertThat(r.shape()).isEqualTo(JsonRecordReader.Shape.NDJSON);
            assertThat(ids(readAll(r))).isEqualTo("1:A 2:B 4:C");
        }
        // a lone object is a one-record file
        assertThat(ids(read(file("one.json", "{\"id\":\"A\"}")))).isEqualTo("1:A");
        // broken first line, good second line
        assertThat(ids(read(file("b.json", "{\"id\":\n{\"id\":\"B\"}\n")))).isEqualTo("1! 2:B");
        // two lines on one: trailing content is not silently dropped
        assertThat(ids(read(file("t.ndjson", "{\"id\":\"A\"} {\"id\":\"B\"}\n")))).isEqualTo("1!");
    }

    @Test
    void prettyPrintedObjectsOneAfterAnotherAreReadByTheirStartLine() throws Exception {
        Path p = file("pretty.json", "{\n  \"id\": \"A\"\n}\n{\n  \"id\": \"B\"\n}\n");
        try (JsonRecordReader r = (JsonRecordReader) RecordReaders.open(p, SourceProfile.canonical())) {
            assertThat(r.shape()).isEqualTo(JsonRecordReader.Shape.SEQUENCE);
            assertThat(ids(readAll(r))).isEqualTo("1:A 4:B");
        }
        assertThat(ids(read(file("pb.json", "{\n  \"id\": \"A\",\n  oops\n}\n")))).isEqualTo("1!");
    }

    @Test
    void aTruncatedArrayKeepsTheCompleteObjectsAndBreaksOnce() throws Exception {
        List<SourceRecord> recs = read(file("cut.json", "[{\"id\":\"A\"},{\"id\":\"B\",\"name\":\"x\"},{\"id\":\"C\",\"na"));
        assertThat(ids(recs)).isEqualTo("1:A 2:B 3!");
        assertThat(recs.get(2).malformed()).contains("cut short");
        assertThat(ids(read(file("cut2.json", "[{\"id\":\"A\"},")))).isEqualTo("1:A 2!");
        assertThat(ids(read(file("cut3.json", "{\"value\":[{\"id\":\"A\"},{\"id\"")))).isEqualTo("1:A 2!");
        assertThat(ids(read(file("bad.json", "[{\"id\":\"A\"} {\"id\":\"B\"}]")))).isEqualTo("1:A 2!");
    }

    @Test
    void aTruncatedElementKeepsTheTextThatWasRead() throws Exception {
        List<SourceRecord> recs = read(file("cut.json", "[{\"id\":\"A\"},\n {\"id\":\"B\",\"crmId\":\"CRM-7\",\"na"));
        assertThat(ids(recs)).isEqualTo("1:A 2!");
        assertThat(recs.get(1).rawJson()).isEqualTo("{\"id\":\"B\",\"crmId\":\"CRM-7\",\"na");
        assertThat(recs.get(1).rawIsObject()).isFalse();
        List<SourceRecord> page = read(file("cutp.json", "{\"value\":[{\"id\":\"A\"},{\"id\":\"B\""));
        assertThat(page.get(1).rawJson()).isEqualTo("{\"id\":\"B\"");
        List<SourceRecord> seq = read(file("cuts.json", "{\n  \"id\": \"A\"\n}\n{\n  \"id\": \"B\",\n"));
        assertThat(ids(seq)).isEqualTo("1:A 4!");
        assertThat(seq.get(1).rawJson()).isEqualTo("{\n  \"id\": \"B\",");
    }

    @Test
    void aRecordsTextIsItsObjectAsJacksonWritesItInEveryShape() throws Exception {
        // kept as source text, parsed again when asked: the same text the tree gave (escapes, numbers, duplicates)
        String a = "{ \"id\" : \"A\\u00e9\", \"details\": {\"dealValue\": 1.50, \"notes\": null},\n  \"id\": \"A2\" }";
        String b = "{\"id\":\"B\",\"team\":[{\"firstName\":\"\u00c9mile\"}]}";
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<String> expected = List.of(json.readTree(a).toString(), json.readTree(b).toString());
        for (Path p : List.of(file("arr.json", "[" + a + " ,\n" + b + "]"),
                file("page.json", "{\"next\": 1, \"value\": [" + a + "," + b + "], \"count\": 2}"),
                file("seq.json", a + "\n" + b.replace(",", ",\n") + "\n"),
                file("lines.ndjson", a.replace("\n", "") + "\n\n" + b + "\n"))) {
            assertThat(read(p).stream().map(SourceRecord::rawJson).toList()).as(p.getFileName().toString())
                    .isEqualTo(expected);
        }
    }

    @Test
    void aByteThatIsNotTextDamagesItsElementAndReadingGoesOn() throws Exception {
        Path p = dir.resolve("nul.json");
        byte[] head = "[{\"id\":\"A\"},\n{\"id\":\"B\",\"name\":\"x".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "y\"},\n{\"id\":\"C\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = 0;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(p, all);
        List<SourceRecord> recs = read(p);
        assertThat(ids(recs)).isEqualTo("1:A 2! 3:C");
        assertThat(recs.get(1).malformed()).isEqualTo("Element 2: line 2: byte 0x00 at column 20 is not text");
        // invalid UTF-8 (a Latin-1 byte) the same way
        all[head.length] = (byte) 0xE9;
        Files.write(p, all);
        recs = read(p);
        assertThat(ids(recs)).isEqualTo("1:A 2! 3:C");
        assertThat(recs.get(1).malformed()).contains("byte 0xE9").contains("not text in UTF-8");
        // between tokens, the array breaks there: the elements before it are kept, as for a file cut short
        Files.write(p, "[{\"id\":\"A\"},\n\u0000{\"id\":\"B\"}]".getBytes(StandardCharsets.UTF_8));
        recs = read(p);
        assertThat(ids(recs)).isEqualTo("1:A 2!");
        assertThat(recs.get(1).malformed()).contains("byte 0x00").contains("the rest of the file was not read");
    }

    @Test
    void damageFarIntoABigArrayOrPageIsReportedAsForASmallOne() throws Exception {
        // the byte path reads the clean start, the char path takes over at the damage (past both windows)
        StringBuilder clean = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            clean.append(i == 1 ? "" : ",\n").append("{\"id\":\"R").append(i).append("\",\"name\":\"Zoë ").append(i).append("\"}");
        }
        for (String[] shape : new String[][] {{"[", "]"}, {"{\"count\":3002,\"value\":[", "]}"}}) {
            Path p = dir.resolve("big.json");
            byte[] head = (shape[0] + clean + ",\n{\"id\":\"B\",\"name\":\"x").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("y\"},\n{\"id\":\"C\"}" + shape[1]).getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + 1 + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            all[head.length] = (byte) 0xE9;
            System.arraycopy(tail, 0, all, head.length + 1, tail.length);
            Files.write(p, all);
            List<SourceRecord> recs = read(p);
            assertThat(recs).hasSize(3002);
            assertThat(recs.get(2999).deal().getReferralId()).isEqualTo("R3000");
            assertThat(recs.get(2999).rawJson()).isEqualTo("{\"id\":\"R3000\",\"name\":\"Zoë 3000\"}");
            assertThat(recs.get(3000).position()).isEqualTo(3001);
            assertThat(recs.get(3000).malformed()).isEqualTo("Element 3001: line 3001: byte 0xE9 at column 20 is not text in UTF-8");
            assertThat(recs.get(3001).position()).isEqualTo(3002);
            assertThat(recs.get(3001).deal().getReferralId()).isEqualTo("C");
        }
    }

    @Test
    void aByteThatIsNotTextDamagesItsNdjsonLineOnly() throws Exception {
        Path p = dir.resolve("d.ndjson");
        byte[] b = "{\"id\":\"A\"}\n{\"id\":\"B\u00ff\"}\n{\"id\":\"C\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(p, b);
        List<SourceRecord> recs = read(p);
        assertThat(ids(recs)).isEqualTo("1:A 2! 3:C");
        assertThat(recs.get(1).malformed()).isEqualTo("Line 2: byte 0xFF at column 9 is not text in UTF-8");
        assertThat(recs.get(1).rawJson()).isEqualTo("{\"id\":\"B\uFFFD\"}");
    }

    @Test
    void anElementThatIsNotAnObjectIsMalformedWithItsText() throws Exception {
        List<SourceRecord> recs = read(file("mixed.json", "[{\"id\":\"A\"}, 42, \"text\", [1,2], null, {\"id\":\"F\"}]"));
        assertThat(ids(recs)).isEqualTo("1:A 2! 3! 4! 5! 6:F");
        assertThat(recs.get(1).rawJson()).isEqualTo("42");
        assertThat(recs.get(1).rawIsObject()).isFalse();
        assertThat(recs.get(1).malformed()).contains("Element 2 is a number");
        assertThat(recs.get(2).rawJson()).isEqualTo("\"text\"");
        assertThat(recs.get(3).rawJson()).isEqualTo("[1,2]");
    }

    @Test
    void aValueOfTheWrongTypeIsAReadProblemAndTheRecordGoesOn() throws Exception {
        List<SourceRecord> recs = read(file("wrong.json", "[{\"id\":\"A\",\"details\":{\"dealValue\":{\"a\":1},"
                + "\"currency\":\"USD\"},\"customerProfile\":\"oops\",\"team\":[{\"firstName\":[\"x\"]}, 7]}]"));
        SourceRecord r = recs.get(0);
        assertThat(r.isMalformed()).isFalse();
        assertThat(r.deal().get(Field.CURRENCY)).isEqualTo("USD");
        assertThat(r.deal().get(Field.ESTIMATED_VALUE)).isEqualTo("{\"a\":1}");
        assertThat(r.problems()).extracting(SourceRecord.ReadProblem::code).containsOnly("INVALID_VALUE");
        assertThat(r.problems()).extracting(SourceRecord.ReadProblem::column)
                .containsExactlyInAnyOrder("Estimated Deal Value", "Customer Name", "Team member 1", "Team member 2");
        assertThat(r.problems()).filteredOn(p -> p.column().equals("Estimated Deal Value")).singleElement()
                .extracting(SourceRecord.ReadProblem::message).asString().contains("dealValue").contains("an object").doesNotContain("\"a\"");
    }

    @Test
    void numbersAndStringsAreAcceptedEitherWay() throws Exception {
        List<SourceRecord> recs = read(file("n.json", "[{\"salesStage\":\"100\",\"details\":{\"dealValue\":\"1200.50\"},"
                + "\"declineReasonCode\":3,\"consent\":{\"consentToShareInfoWithOthers\":\"false\"}},"
                + "{\"salesStage\":60,\"details\":{\"dealValue\":1e3},\"consent\":{\"consentToToShareInfoWithOthers\":false}}]"));
        Deal a = recs.get(0).deal();
        assertThat(a.get(Field.SALES_STAGE)).isEqualTo("100");
        assertThat(a.get(Field.ESTIMATED_VALUE)).isEqualTo("1200.5");
        assertThat(a.get(Field.REASON_CODE)).isEqualTo("3");
        assertThat(a.get(Field.CONSENT)).isEqualTo("No");
        Deal b = recs.get(1).deal();
        assertThat(b.get(Field.SALES_STAGE)).isEqualTo("60");
        assertThat(b.get(Field.ESTIMATED_VALUE)).isEqualTo("1000");
        assertThat(b.get(Field.CONSENT)).isEqualTo("No");
    }

    @Test
    void customerIdsAndContactAreLenient() throws Exception {
        List<SourceRecord> recs = read(file("c.json", "[{\"customerProfile\":{\"ids\":{\"Duns\":\"123456789\"},"
                + "\"team\":{\"firstName\":\"Avery\",\"email\":\"a@b.example\"}}},"
                + "{\"customerProfile\":{\"ids\":[],\"team\":[]}}]"));
        Deal a = recs.get(0).deal();
        assertThat(a.get(Field.CUSTOMER_DUNS)).isEqualTo("123456789");
        assertThat(a.get(Field.CONTACT_FIRST_NAME)).isEqualTo("Avery");
        assertThat(recs.get(0).presentColumns()).contains("Customer Contact First Name", "Customer Contact Email Address")
                .doesNotContain("Customer Contact Last Name", "Customer Name");
        assertThat(recs.get(1).presentColumns()).containsExactly("Customer D-U-N-S ID");
    }

    @Test
    void emptyAndUnreadableJsonFiles() throws Exception {
        assertThat(read(file("e.json", ""))).isEmpty();
        assertThat(read(file("e2.json", "  \n"))).isEmpty();
        assertThat(read(file("e3.json", "[]"))).isEmpty();
        assertThat(read(file("e.ndjson", ""))).isEmpty();
        assertThat(ids(read(file("bom.json", "\uFEFF[{\"id\":\"A\"}]")))).isEqualTo("1:A");
        assertThat(ids(read(file("bom.ndjson", "\uFEFF{\"id\":\"A\"}\n")))).isEqualTo("1:A");
        assertThatThrownBy(() -> RecordReaders.open(file("x.json", "hello"), SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not JSON");
        Path bin = dir.resolve("bin.json");
        Files.write(bin, new byte[] {'[', 0, 1, 2});
        assertThatThrownBy(() -> RecordReaders.open(bin, SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not a text file");
    }

    @Test
    void aTenMegabyteStringIsRead() throws Exception {
        Path p = dir.resolve("big.json");
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write("[{\"id\":\"A\",\"details\":{\"notes\":\"");
            for (int i = 0; i < 10 * 1024; i++) {
                w.write("y".repeat(1024));
            }
            w.write("\"}},{\"id\":\"B\"}]");
        }
        List<SourceRecord> recs = read(p);
        assertThat(ids(recs)).isEqualTo("1:A 2:B");
        assertThat(recs.get(0).deal().get(Field.NOTES)).hasSize(10 * 1024 * 1024);
    }

    @Test
    void errorMessagesDoNotQuoteTheData() throws Exception {
        List<SourceRecord> recs = read(file("pii.ndjson", "{\"name\": avery.sample@contoso.example}\n"));
        assertThat(recs.get(0).malformed()).doesNotContain("avery");
    }
}
