package io.dealsync.model;

import java.util.ArrayList;
import java.util.List;

/** What the rules ask about a deal's people (R3, R4): its partner team and its customer's primary contact. */
final class DealPeople {
    private static final List<Field> CONTACT = List.of(Field.CONTACT_FIRST_NAME, Field.CONTACT_LAST_NAME,
            Field.CONTACT_PHONE, Field.CONTACT_EMAIL);

    private DealPeople() {
    }

    /** "Team member N" for each member without first name, last name, a plausible phone and email. */
    static List<String> incompleteMembers(List<TeamMember> team) {
        List<String> out = new ArrayList<>(0);
        for (int i = 0; i < team.size(); i++) {
            if (!team.get(i).isPlausible()) {
                out.add(Field.TEAM_PREFIX + (i + 1));
            }
        }
        return out;
    }

    /** What is wrong with "Team member N": "the phone is missing", parts joined by "; "; "is missing" when absent. */
    static String memberProblem(List<TeamMember> team, String member) {
        int n = Field.listIndex(member, Field.TEAM_PREFIX);
        return n < 1 || n > team.size() ? "is missing" : team.get(n - 1).problems();
    }

    static boolean contactPlausible(Deal d) {
        return new TeamMember(d.get(Field.CONTACT_FIRST_NAME), d.get(Field.CONTACT_LAST_NAME),
                d.get(Field.CONTACT_PHONE), d.get(Field.CONTACT_EMAIL)).isPlausible();
    }

    /** The contact columns that are empty or not plausible, in template order. */
    static List<String> incompleteContactColumns(Deal d) {
        List<String> out = new ArrayList<>(4);
        for (Field f : CONTACT) {
            if (!Contact.problem(f, d.get(f)).isEmpty()) {
                out.add(f.header());
            }
        }
        return out;
    }
}
