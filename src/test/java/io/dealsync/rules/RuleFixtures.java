package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Violation;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.Decision;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared by the rule tests: the REAL rules/ folder compiled once per JVM, valid deals to start from, and
 * judging through the engine's own path ({@link ChunkDecider#decide}).
 */
public final class RuleFixtures {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final String PARTNER = "4001234";

    /** A rule that reads its column from a setting: no check can see the typo before the rule runs. */
    public static final String COLUMN_FROM_SETTING = """
            package dealsync.rules;

            import io.dealsync.model.Deal;
            import io.dealsync.rules.Settings;

            rule "Analyst: big deals"
            when
                Settings( $column : text("big.deal.column") )
                $d : Deal( amount($column) != null, amount($column) > 10000000 )
            then
                $d.violates("INVALID_VALUE", "Estimated Deal Value", "over 10000000");
            end
            """;

    private RuleFixtures() {
    }

    private static final class Holder {
        static final RuleBook BOOK = RuleBook.compile(Path.of("rules"));
    }

    public static RuleBook book() {
        return Holder.BOOK;
    }

    /** A valid Outgoing deal the partner created: Active/Accepted, all R1-R7 columns, no stage marked. */
    public static CaseDeal accepted() {
        return new CaseDeal()
                .set("Referral ID", "")
                .set("CRM ID", "CRM-1001")
                .set("PartnerID", PARTNER)
                .set("Deal Name", "Contoso datacentre migration assessment")
                .set("Deal Type", "Solution Assessment")
                .set("Deal Direction", "Outgoing")
                .set("Location", "LOC-FR-PARIS")
                .set("Customer Name", "Contoso SA")
                .set("Customer Address Line 1", "12 rue de la Paix")
                .set("Customer Address Line 2", "")
                .set("Customer City", "Paris")
                .set("Customer State", "Ile-de-France")
                .set("Customer Postal code", "75002")
                .set("Customer Country", "FR")
                .set("Customer D-U-N-S ID", "123456789")
                .set("Customer Contact First Name", "Camille")
                .set("Customer Contact Last Name", "Martin")
                .set("Customer Contact Phone number", "+33 1 23 45 67 89")
                .set("Customer Contact Email Address", "camille.martin@contoso.example")
                .set("Partner Referral Status", "Active")
                .set("Partner Referral Substatus", "Accepted")
                .set("Declined/Lost/Error reason", "")
                .set("Sales Stage", "10")
                .set("Stage Secure LOE Date", "")
                .set("Stage Collect Data Date", "")
                .set("Stage Prepare Report Date", "")
                .set("Stage Present Date", "")
                .set("Estimated Deal Value", "25000")
                .set("Currency", "EUR")
                .set("Estimated Close Date", "2026-09-30")
                .set("Marketing Campaign ID", "")
                .set("Notes", "The customer wants a migration assessment.")
                .set("Consent to share Customer/Partner contact", "Yes")
                .set("Solution 1", "SOL-SA-INFRA")
                .set("Assessment Location", "LOC-FR-PARIS")
                .set("Team member 1", "Alex, Durand, +33 6 12 34 56 78, alex.durand@partner.example")
                .set("Created Date", "2026-01-15")
                .set("Received Date", "");
    }

    /** The accepted deal with its four stages marked, closed as Won. */
    static CaseDeal won() {
        return marked(accepted(), 4).set("Partner Referral Status", "Closed").set("Partner Referral Substatus", "Won")
                .set("Sales Stage", "100").set("Estimated Close Date", "2026-05-20");
    }

    /** The first {@code n} middle stages marked on the 1st of February, March, April and May 2026. */
    static CaseDeal marked(CaseDeal d, int n) {
        String[] cols = {"Stage Secure LOE Date", "Stage Collect Data Date", "Stage Prepare Report Date", "Stage Present Date"};
        for (int i = 0; i < 4; i++) {
            d.set(cols[i], i < n ? LocalDate.of(2026, 2 + i, 1).toString() : "");
        }
        return d.set("Sales Stage", n == 0 ? "10" : Integer.toString(20 * n));
    }

    /** A valid Incoming deal as Microsoft sends it, received on {@code receivedOn}: no deal details, no team yet. */
    static CaseDeal received(LocalDate receivedOn) {
        return accepted()
                .set("Referral ID", "R-2001")
                .set("CRM ID", "")
                .set("Deal Direction", "Incoming")
                .set("Partner Referral Status", "New")
                .set("Partner Referral Substatus", "Received")
                .set("Deal Name", "")
                .set("Estimated Deal Value", "")
                .set("Estimated Close Date", "")
                .set("Notes", "")
                .set("Team member 1", "")
                .set("Created Date", receivedOn.toString())
                .set("Received Date", receivedOn.toString())
                .set("Invited By", "msft");
    }

    static CaseDeal received() {
        return received(AS_OF.minusDays(7));
    }

    /** What a partner sends to accept {@code received}: its columns, Active/Accepted, with the deal details. */
    static CaseDeal accepting(CaseDeal received) {
        return received.copy()
                .set("Partner Referral Status", "Active")
                .set("Partner Referral Substatus", "Accepted")
                .set("Deal Name", "Fabrikam data estate assessment")
                .set("Estimated Deal Value", "18000")
                .set("Estimated Close Date", "2026-10-15")
                .set("Notes", "Met the CDO.")
                .set("Team member 1", "Alex, Durand, +33 6 12 34 56 78, alex.durand@partner.example");
    }

    /** One record, first seen, as of {@link #AS_OF}. */
    static Decision judge(CaseDeal record) {
        return judge(AS_OF, record, (CaseDeal) null);
    }

    static Decision judge(CaseDeal record, CaseDeal stored) {
        return judge(AS_OF, record, stored);
    }

    static Decision judge(LocalDate asOf, CaseDeal record, CaseDeal stored) {
        return judgeFile(asOf, List.of(record), stored).get(0);
    }

    /** Records of one file (the first on line 2), against at most one stored deal. */
    static List<Decision> judgeFile(LocalDate asOf, List<CaseDeal> records, CaseDeal stored) {
        Map<String, Deal> byKey = new HashMap<>();
        if (stored != null) {
            Deal s = stored.toDeal();
            s.getKeys().forEach(k -> byKey.put(k, s));
        }
        List<SourceRecord> in = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            in.add(records.get(i).toRecord(i + 2L));
        }
        return new ChunkDecider(book()).decide(in, io.dealsync.sync.StoredDeals.of(byKey), new FileContext(asOf, PARTNER, Map.of()));
    }

    /** The findings as {@code CODE(Field)} (or {@code CODE} without a field), sorted. */
    static List<String> codes(Decision d) {
        return d.violations().stream().map(RuleFixtures::code).sorted().toList();
    }

    static String code(Violation v) {
        return v.field().isEmpty() ? v.code() : v.code() + "(" + v.field() + ")";
    }
}
