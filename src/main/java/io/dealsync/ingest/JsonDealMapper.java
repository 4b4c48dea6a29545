package io.dealsync.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Partner Center referral resource (docs/formats.md, "JSON (in)") as a {@link Deal}. A column is present
 * when its JSON key is in the object (null counts as present and empty); an absent key keeps the stored
 * value. Lenient where the real API is (team as one object, numbers as strings and strings as numbers);
 * a value of the wrong shape (an object where text is expected) is kept as its JSON text and reported
 * as an INVALID_VALUE read problem, so the record is rejected with a reason instead of being dropped.
 * Messages name the column and the JSON shape only, never the value (it may be personal data).
 */
final class JsonDealMapper {
    private static final int SOLUTIONS_BIT = 62;
    private static final int TEAM_BIT = 63;

    /** Present-column sets by bit mask: objects of one file nearly always have the same keys, so one set serves all. */
    private final Map<Long, Set<String>> presentSets = new HashMap<>();

    private long mask;
    private List<String[]> problems;

    SourceRecord map(long position, JsonNode obj) {
        mask = 0;
        problems = null;
        Deal d = new Deal();

        scalar(d, obj, "id", Field.REFERRAL_ID);
        scalar(d, obj, "engagementId", Field.ENGAGEMENT_ID);
        if (obj.has("crmId")) {
            scalar(d, obj, "crmId", Field.CRM_ID);
        } else {
            scalar(d, obj, "externalReferenceId", Field.CRM_ID);
        }
        scalar(d, obj, "partnerId", Field.PARTNER_ID);
        scalar(d, obj, "name", Field.DEAL_NAME);
        scalar(d, obj, "dealType", Field.DEAL_TYPE);
        scalar(d, obj, "direction", Field.DIRECTION);
        scalar(d, obj, "location", Field.LOCATION);
        scalar(d, obj, "status", Field.STATUS);
        scalar(d, obj, "substatus", Field.SUBSTATUS);
        scalar(d, obj, "statusReason", Field.STATUS_REASON);
        scalar(d, obj, "declineReasonCode", Field.REASON_CODE);
        scalar(d, obj, "salesStage", Field.SALES_STAGE);
        scalar(d, obj, "campaignId", Field.MARKETING_CAMPAIGN_ID);
        scalar(d, obj, "assessmentLocation", Field.ASSESSMENT_LOCATION);
        scalar(d, obj, "createdDateTime", Field.CREATED_DATE);
        scalar(d, obj, "receivedDateTime", Field.RECEIVED_DATE);

        JsonNode customer = object(obj, "customerProfile", Field.CUSTOMER_NAME);
        if (customer != null) {
            scalar(d, customer, "name", Field.CUSTOMER_NAME);
            JsonNode address = object(customer, "address", Field.CUSTOMER_ADDRESS_1);
            if (address != null) {
                scalar(d, address, "addressLine1", Field.CUSTOMER_ADDRESS_1);
                scalar(d, address, "addressLine2", Field.CUSTOMER_ADDRESS_2);
                scalar(d, address, "city", Field.CUSTOMER_CITY);
                scalar(d, address, "state", Field.CUSTOMER_STATE);
                scalar(d, address, "postalCode", Field.CUSTOMER_POSTAL_CODE);
                scalar(d, address, "country", Field.CUSTOMER_COUNTRY);
            }
            duns(d, customer);
            if (customer.has("team")) {
                JsonNode contact = first(customer.get("team"));
                if (contact != null && contact.isObject()) {
                    scalar(d, contact, "firstName", Field.CONTACT_FIRST_NAME);
                    scalar(d, contact, "lastName", Field.CONTACT_LAST_NAME);
                    scalar(d, contact, "phoneNumber", Field.CONTACT_PHONE);
                    scalar(d, contact, "email", Field.CONTACT_EMAIL);
                } else if (contact != null && !contact.isNull()) {
                    problem(Field.CONTACT_FIRST_NAME.header(), "customerProfile.team: expected an object or an array of objects, found " + shape(contact));
                }
            }
        }

        consent(d, obj);

        JsonNode details = object(obj, "details", Field.ESTIMATED_VALUE);
        if (details != null) {
            scalar(d, details, "notes", Field.NOTES);
            scalar(d, details, "dealValue", Field.ESTIMATED_VALUE);
            scalar(d, details, "currency", Field.CURRENCY);
            scalar(d, details, "closingDateTime", Field.ESTIMATED_CLOSE_DATE);
            JsonNode req = object(details, "requirements", null);
            if (req != null && req.has("solutions")) {
                solutions(d, req.get("solutions"));
            }
        }

        if (obj.has("team")) {
            team(d, obj.get("team"));
        }

        JsonNode invite = object(obj, "inviteContext", Field.INVITED_BY);
        if (invite != null) {
            JsonNode by = object(invite, "invitedBy", Field.INVITED_BY);
            if (by != null) {
                scalar(d, by, "organizationId", Field.INVITED_BY);
            }
        }

        JsonNode marks = object(obj, "stageMarks", Field.STAGE_SECURE_LOE);
        if (marks != null) {
            scalar(d, marks, "secureLoe", Field.STAGE_SECURE_LOE);
            scalar(d, marks, "collectData", Field.STAGE_COLLECT_DATA);
            scalar(d, marks, "prepareReport", Field.STAGE_PREPARE_REPORT);
            scalar(d, marks, "present", Field.STAGE_PRESENT);
        }

        SourceRecord rec = SourceRecord.jsonLazy(position, d, new TreeText(obj), presentSet(mask));
        if (problems != null) {
            for (String[] p : problems) {
                rec.addProblem("INVALID_VALUE", p[0], p[1]);
            }
        }
        return rec;
    }

    /** The object's JSON text, made only when a reject or warning file asks for it. */
    private record TreeText(JsonNode node) implements java.util.function.Supplier<String> {
        @Override
        public String get() {
            return node.toString();
        }
    }

    // ---------------------------------------------------------------- pieces

    private void scalar(Deal d, JsonNode parent, String key, Field f) {
        if (!parent.has(key)) {
            return;
        }
        mask |= 1L << f.ordinal();
        d.set(f, text(parent.get(key), f.header(), key));
    }

    /** Scalar JSON as text; numbers in plain notation; an object or array is reported and kept as its JSON. */
    private String text(JsonNode v, String column, String key) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            if (v.isIntegralNumber()) {
                return v.bigIntegerValue().toString();
            }
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "false";
        }
        problem(column, key + ": expected text or a number, found " + shape(v));
        return v.toString();
    }

    /** A nested object, or null when absent, null, or of the wrong shape (then reported on {@code column}). */
    private JsonNode object(JsonNode parent, String key, Field column) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            return v;
        }
        problem(column == null ? Field.SOLUTION_PREFIX + "1" : column.header(), key + ": expected an object, found " + shape(v));
        return null;
    }

    /** {@code ids: [{"profileType": "Duns", "id": ...}]}, also {@code ids: {"Duns": ...}}. */
    private void duns(Deal d, JsonNode customer) {
        if (!customer.has("ids")) {
            return;
        }
        mask |= 1L << Field.CUSTOMER_DUNS.ordinal();
        JsonNode ids = customer.get("ids");
        String value = "";
        if (ids.isArray()) {
            for (JsonNode id : ids) {
                if (id.isObject() && "duns".equalsIgnoreCase(id.path("profileType").asText())) {
                    value = text(id.get("id"), Field.CUSTOMER_DUNS.header(), "ids.id");
                    break;
                }
            }
        } else if (ids.isObject()) {
            for (Map.Entry<String, JsonNode> e : ids.properties()) {
                if ("duns".equalsIgnoreCase(e.getKey())) {
                    value = text(e.getValue(), Field.CUSTOMER_DUNS.header(), "ids.Duns");
                }
            }
        } else if (!ids.isNull()) {
            problem(Field.CUSTOMER_DUNS.header(), "customerProfile.ids: expected an array, found " + shape(ids));
        }
        d.set(Field.CUSTOMER_DUNS, value);
    }

    /** {@code consent.consentToToShareInfoWithOthers} (the API's spelling) or {@code consentToShareInfoWithOthers}. */
    private void consent(Deal d, JsonNode obj) {
        if (!obj.has("consent")) {
            return;
        }
        JsonNode c = obj.get("consent");
        Field f = Field.CONSENT;
        if (c.isObject()) {
            String key = c.has("consentToToShareInfoWithOthers") ? "consentToToShareInfoWithOthers"
                    : c.has("consentToShareInfoWithOthers") ? "consentToShareInfoWithOthers" : null;
            if (key != null) {
                mask |= 1L << f.ordinal();
                d.set(f, text(c.get(key), f.header(), "consent." + key));
            }
        } else if (c.isBoolean() || c.isTextual()) {
            mask |= 1L << f.ordinal();
            d.set(f, text(c, f.header(), "consent"));
        } else if (!c.isNull()) {
            mask |= 1L << f.ordinal();
            problem(f.header(), "consent: expected an object, found " + shape(c));
            d.set(f, c.toString());
        }
    }

    private void solutions(Deal d, JsonNode sols) {
        mask |= 1L << SOLUTIONS_BIT;
        List<Solution> out = new ArrayList<>(1);
        int n = 0;
        for (JsonNode s : elements(sols)) {
            n++;
            String column = Field.SOLUTION_PREFIX + n;
            if (s.isObject()) {
                out.add(new Solution(text(s.get("id"), column, "solutions.id"), text(s.get("currency"), column, "solutions.currency"),
                        text(s.get("price"), column, "solutions.price"), text(s.get("quantity"), column, "solutions.quantity")));
            } else if (s.isTextual()) {
                out.add(new Solution(s.textValue(), "", "", ""));
            } else if (!s.isNull()) {
                problem(column, "solutions: expected an object, found " + shape(s));
            }
        }
        if (!sols.isNull() && !sols.isArray() && !sols.isObject() && !sols.isTextual()) {
            problem(Field.SOLUTION_PREFIX + "1", "solutions: expected an array, found " + shape(sols));
        }
        d.setSolutions(out);
    }

    private void team(Deal d, JsonNode team) {
        mask |= 1L << TEAM_BIT;
        List<TeamMember> out = new ArrayList<>(2);
        int n = 0;
        for (JsonNode m : elements(team)) {
            n++;
            String column = Field.TEAM_PREFIX + n;
            if (m.isObject()) {
                out.add(new TeamMember(text(m.get("firstName"), column, "team.firstName"),
                        text(m.get("lastName"), column, "team.lastName"),
                        text(m.get("phoneNumber"), column, "team.phoneNumber"),
                        text(m.get("email"), column, "team.email")));
            } else if (!m.isNull()) {
                problem(column, "team: expected an object, found " + shape(m));
            }
        }
        if (!team.isNull() && !team.isArray() && !team.isObject()) {
            problem(Field.TEAM_PREFIX + "1", "team: expected an array of objects, found " + shape(team));
        }
        d.setTeam(out);
    }

    /** An array's elements; a single value stands for a one-element array (lenient, as real API output needs). */
    private static List<JsonNode> elements(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            List<JsonNode> out = new ArrayList<>(v.size());
            v.forEach(out::add);
            return out;
        }
        if (v.isObject() || v.isTextual()) {
            return List.of(v);
        }
        return List.of();
    }

    private static JsonNode first(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            return v.isEmpty() ? null : v.get(0);
        }
        return v;
    }

    private void problem(String column, String message) {
        if (problems == null) {
            problems = new ArrayList<>(1);
        }
        problems.add(new String[] {column, message});
    }

    static String shape(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            default -> "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private Set<String> presentSet(long m) {
        Set<String> s = presentSets.get(m);
        if (s == null) {
            Set<String> b = new LinkedHashSet<>();
            for (Field f : Field.values()) {
                if ((m & (1L << f.ordinal())) != 0) {
                    b.add(f.header());
                }
            }
            if ((m & (1L << SOLUTIONS_BIT)) != 0) {
                b.add(SourceRecord.SOLUTIONS);
            }
            if ((m & (1L << TEAM_BIT)) != 0) {
                b.add(SourceRecord.TEAM);
            }
            s = Collections.unmodifiableSet(b);
            if (presentSets.size() < 1024) {
                presentSets.put(m, s);
            }
        }
        return s;
    }
}
