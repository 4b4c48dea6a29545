package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.model.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/formats.md "JSON (in)": each column read from its catalogue path; wrong shapes reported on a column. */
class JsonDealMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SourceRecord map(String json) throws Exception {
        return new JsonDealMapper().map(1, JSON.readTree(json));
    }

    private static List<String> problems(SourceRecord r) {
        return r.problems().stream().map(p -> p.column() + ": " + p.message()).toList();
    }

    @Test
    void aGroupOfTheWrongShapeIsReportedOnItsFirstColumnInTemplateOrder() throws Exception {
        SourceRecord r = map("{\"customerProfile\":\"oops\",\"details\":[1],\"inviteContext\":5,\"stageMarks\":true}");

        assertThat(problems(r)).containsExactly(
                "Customer Name: customerProfile: expected an object, found text",
                "Estimated Deal Value: details: expected an object, found an array",
                "Invited By: inviteContext: expected an object, found a number",
                "Stage Secure LOE Date: stageMarks: expected an object, found true/false");
        assertThat(r.presentColumns()).isEmpty();
    }

    @Test
    void theCustomerContactIsTheFirstOfTheCustomersTeam() throws Exception {
        SourceRecord r = map("{\"customerProfile\":{\"address\":{\"city\":\"Paris\"},"
                + "\"team\":[{\"firstName\":\"A\",\"email\":\"a@b\"},{\"firstName\":\"B\"}]}}");

        assertThat(r.deal().get(Field.CONTACT_FIRST_NAME)).isEqualTo("A");
        assertThat(r.deal().get(Field.CONTACT_EMAIL)).isEqualTo("a@b");
        assertThat(r.presentColumns()).containsExactly("Customer City", "Customer Contact First Name",
                "Customer Contact Email Address");
        assertThat(problems(map("{\"customerProfile\":{\"team\":\"x\"}}"))).containsExactly(
                "Customer Contact First Name: customerProfile.team: expected an object or an array of objects, found text");
    }

    @Test
    void theCrmIdIsCrmIdElseTheExternalReferenceId() throws Exception {
        assertThat(map("{\"externalReferenceId\":\"X1\"}").deal().get(Field.CRM_ID)).isEqualTo("X1");
        assertThat(map("{\"crmId\":\"C1\",\"externalReferenceId\":\"X1\"}").deal().get(Field.CRM_ID)).isEqualTo("C1");
    }

    @Test
    void consentIsReadInEitherSpellingOrAsABareValue() throws Exception {
        assertThat(map("{\"consent\":{\"consentToToShareInfoWithOthers\":true}}").deal().get(Field.CONSENT)).isEqualTo("Yes");
        assertThat(map("{\"consent\":{\"consentToShareInfoWithOthers\":false}}").deal().get(Field.CONSENT)).isEqualTo("No");
        assertThat(map("{\"consent\":true}").deal().get(Field.CONSENT)).isEqualTo("Yes");
        assertThat(map("{\"consent\":{}}").presentColumns()).isEmpty();
        assertThat(problems(map("{\"consent\":[true]}"))).containsExactly(
                "Consent to share Customer/Partner contact: consent: expected an object, found an array");
    }

    @Test
    void listsAreReadFromTheirPathsAndTheirProblemsNamedByElement() throws Exception {
        SourceRecord r = map("{\"details\":{\"requirements\":{\"solutions\":[{\"id\":\"S1\"},5]}},"
                + "\"team\":[{\"firstName\":\"T\",\"phoneNumber\":123},{\"email\":[1]}]}");

        assertThat(r.deal().getSolutions()).hasSize(1);
        assertThat(r.deal().getTeam().get(0).getPhone()).isEqualTo("123");
        assertThat(problems(r)).containsExactly("Solution 2: solutions: expected an object, found a number",
                "Team member 2: team.email: expected text or a number, found an array");
        assertThat(problems(map("{\"details\":{\"requirements\":\"bad\"}}"))).containsExactly(
                "Solution 1: requirements: expected an object, found text");
    }
}
