package io.dealsync.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.ListColumn;
import io.dealsync.model.ReferralShape;
import io.dealsync.model.ReferralShape.Group;
import io.dealsync.model.ReferralShape.Leaf;
import io.dealsync.model.ReferralShape.ListSlot;
import io.dealsync.model.ReferralShape.Node;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Partner Center referral resource (docs/formats.md, "JSON (in)") as a {@link Deal}. A column is present
 * when its JSON key is in the object (null counts as present and empty); an absent key keeps the stored
 * value. Lenient where the real API is (team as one object, numbers as strings and strings as numbers);
 * a value of the wrong shape (an object where text is expected) is kept as its JSON text and reported
 * as an INVALID_VALUE read problem, so the record is rejected with a reason instead of being dropped.
 * Messages name the column and the JSON shape only, never the value (it may be personal data).
 */
final class JsonDealMapper {
    private final PresentColumns present = new PresentColumns();
    private List<Problem> problems;

    SourceRecord map(long position, JsonNode obj) {
        return map(position, obj, JsonSourceText.of(obj));
    }

    /** The record of {@code obj}; {@code text} makes its JSON text when asked ({@link JsonSourceText}). */
    SourceRecord map(long position, JsonNode obj, Supplier<String> text) {
        present.clear();
        problems = null;
        Deal d = new Deal();
        read(d, obj, ReferralShape.REFERRAL);
        SourceRecord rec = SourceRecord.jsonLazy(position, d, text, present.set());
        if (problems != null) {
            for (Problem p : problems) {
                rec.addProblem("INVALID_VALUE", p.column(), p.message());
            }
        }
        return rec;
    }

    /** The keys of {@code group} in {@code parent}, in document order (the order problems are reported in). */
    private void read(Deal d, JsonNode parent, Group group) {
        for (Node n : group.children()) {
            if (n instanceof Leaf leaf) {
                leaf(d, parent, leaf);
            } else if (n instanceof ListSlot list) {
                if (parent.has(list.key())) {
                    if (list.list() == ListColumn.SOLUTION) {
                        solutions(d, parent.get(list.key()));
                    } else {
                        team(d, parent.get(list.key()));
                    }
                }
            } else {
                group(d, parent, (Group) n);
            }
        }
    }

    /** A scalar column; two the API spells its own way (docs/formats.md, "JSON (in)"). */
    private void leaf(Deal d, JsonNode parent, Leaf leaf) {
        switch (leaf.field()) {
            // crmId is dealsync's extension; without it the API's externalReferenceId is the CRM's id
            case CRM_ID -> scalar(d, parent, parent.has(leaf.key()) ? leaf.key() : "externalReferenceId", Field.CRM_ID);
            case CUSTOMER_DUNS -> duns(d, parent, leaf);
            default -> scalar(d, parent, leaf.key(), leaf.field());
        }
    }

    /** A nested object: the consent (also given as a bare value), the customer contact (the first of a team), any other. */
    private void group(Deal d, JsonNode parent, Group group) {
        if (group.only() == Field.CONSENT) {
            consent(d, parent, group);
        } else if (group.firstOfArray()) {
            if (parent.has(group.key())) {
                JsonNode first = first(parent.get(group.key()));
                if (first != null && first.isObject()) {
                    read(d, first, group);
                } else if (first != null && !first.isNull()) {
                    problem(group.column(), group.path() + ": expected an object or an array of objects, found " + shape(first));
                }
            }
        } else {
            JsonNode object = object(parent, group.key(), group.column());
            if (object != null) {
                read(d, object, group);
            }
        }
    }

    // ---------------------------------------------------------------- pieces

    private void scalar(Deal d, JsonNode parent, String key, Field f) {
        if (!parent.has(key)) {
            return;
        }
        present.add(f);
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
    private JsonNode object(JsonNode parent, String key, String column) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            return v;
        }
        problem(column, key + ": expected an object, found " + shape(v));
        return null;
    }

    /** {@code ids: [{"profileType": "Duns", "id": ...}]}, also {@code ids: {"Duns": ...}}. */
    private void duns(Deal d, JsonNode customer, Leaf leaf) {
        if (!customer.has(leaf.key())) {
            return;
        }
        Field f = leaf.field();
        present.add(f);
        JsonNode ids = customer.get(leaf.key());
        String value = "";
        if (ids.isArray()) {
            for (JsonNode id : ids) {
                if (id.isObject() && "duns".equalsIgnoreCase(id.path("profileType").asText())) {
                    value = text(id.get("id"), f.header(), "ids.id");
                    break;
                }
            }
        } else if (ids.isObject()) {
            for (Map.Entry<String, JsonNode> e : ids.properties()) {
                if ("duns".equalsIgnoreCase(e.getKey())) {
                    value = text(e.getValue(), f.header(), "ids.Duns");
                }
            }
        } else if (!ids.isNull()) {
            problem(f.header(), leaf.path() + ": expected an array, found " + shape(ids));
        }
        d.set(f, value);
    }

    /**
     * {@code consent.consentToToShareInfoWithOthers} (the API's spelling), also {@code consentToShareInfoWithOthers},
     * or the value itself in place of the object.
     */
    private void consent(Deal d, JsonNode obj, Group consent) {
        if (!obj.has(consent.key())) {
            return;
        }
        JsonNode c = obj.get(consent.key());
        Field f = Field.CONSENT;
        if (c.isObject()) {
            String spelt = consent.children().get(0).key();
            String key = c.has(spelt) ? spelt : c.has("consentToShareInfoWithOthers") ? "consentToShareInfoWithOthers" : null;
            if (key != null) {
                present.add(f);
                d.set(f, text(c.get(key), f.header(), consent.key() + "." + key));
            }
        } else if (c.isBoolean() || c.isTextual()) {
            present.add(f);
            d.set(f, text(c, f.header(), consent.key()));
        } else if (!c.isNull()) {
            present.add(f);
            problem(f.header(), consent.key() + ": expected an object, found " + shape(c));
            d.set(f, c.toString());
        }
    }

    private void solutions(Deal d, JsonNode sols) {
        present.add(ListColumn.SOLUTION);
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
            problem(ListColumn.SOLUTION.firstHeader(), "solutions: expected an array, found " + shape(sols));
        }
        d.setSolutions(out);
    }

    private void team(Deal d, JsonNode team) {
        present.add(ListColumn.TEAM);
        List<TeamMember> out = new ArrayList<>(2);
        int n = 0;
        for (JsonNode m : elements(team)) {
            n++;
            String column = Field.TEAM_PREFIX + n;
            if (m.isObject()) {
                out.add(new TeamMember(part(m, 0, column), part(m, 1, column), part(m, 2, column), part(m, 3, column)));
            } else if (!m.isNull()) {
                problem(column, "team: expected an object, found " + shape(m));
            }
        }
        if (!team.isNull() && !team.isArray() && !team.isObject()) {
            problem(ListColumn.TEAM.firstHeader(), "team: expected an array of objects, found " + shape(team));
        }
        d.setTeam(out);
    }

    /** The {@code i}th of a team member's {@link ReferralShape#PERSON_KEYS}. */
    private String part(JsonNode member, int i, String column) {
        String key = ReferralShape.PERSON_KEYS.get(i);
        return text(member.get(key), column, "team." + key);
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

    private record Problem(String column, String message) {
    }

    private void problem(String column, String message) {
        if (problems == null) {
            problems = new ArrayList<>(1);
        }
        problems.add(new Problem(column, message));
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
}
