package io.dealsync.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.model.TeamMember;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A deal's team as one column of the deal row ({@code [["First","Last","phone","email"], ...]}): a team list
 * always replaces the stored one (docs/domain.md), so it is written and read whole, and a row per member would
 * only add index work to every write.
 */
final class TeamCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamCodec() {
    }

    /** Written with the streaming generator: the JSON the mapper gave for a list of String[], without building that list. */
    static String encode(List<TeamMember> team) {
        if (team.isEmpty()) {
            return null;
        }
        StringWriter out = new StringWriter(64 * team.size());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (TeamMember m : team) {
                g.writeStartArray();
                g.writeString(m.getFirstName());
                g.writeString(m.getLastName());
                g.writeString(m.getPhone());
                g.writeString(m.getEmail());
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static List<TeamMember> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            String[][] rows = JSON.readValue(text, String[][].class);
            List<TeamMember> team = new ArrayList<>(rows.length);
            for (String[] r : rows) {
                team.add(new TeamMember(r[0], r[1], r[2], r[3]));
            }
            return team;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored team cannot be read back", e);
        }
    }
}
