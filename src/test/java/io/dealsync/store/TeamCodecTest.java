package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.model.TeamMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamCodecTest {
    private static final List<TeamMember> TEAM = List.of(new TeamMember("Zoë", "O'Brien \"Bo\"", "+33 1 23 45 67 89", "zoe@example.com"),
            new TeamMember("Jan", "Kowalski, Jr.", null, "jan\\k@example.com"));

    @Test
    void aTeamComesBackAsItWasStored() {
        List<TeamMember> back = TeamCodec.decode(TeamCodec.encode(TEAM));
        assertThat(back).hasSize(2);
        assertThat(back.get(0).getLastName()).isEqualTo("O'Brien \"Bo\"");
        assertThat(back.get(1).getPhone()).isEmpty();
        assertThat(back.get(1).getEmail()).isEqualTo("jan\\k@example.com");
        assertThat(TeamCodec.encode(List.of())).isNull();
    }

    /** Rows stored by earlier versions (the mapper over a list of String[]) read the same: the text is unchanged. */
    @Test
    void theStoredTextIsTheOneTheMapperWrote() throws Exception {
        List<String[]> rows = TEAM.stream().map(m -> new String[] {m.getFirstName(), m.getLastName(), m.getPhone(), m.getEmail()})
                .toList();
        assertThat(TeamCodec.encode(TEAM)).isEqualTo(new ObjectMapper().writeValueAsString(rows));
    }
}
