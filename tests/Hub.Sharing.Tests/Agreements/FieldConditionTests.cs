using System.Text.Json;
using Hub.Sharing.Agreements;

namespace Hub.Sharing.Tests.Agreements;

public sealed class FieldConditionTests
{
    private static JsonElement Event(string subject) => JsonDocument.Parse($$"""
        { "envelope": { "subject": {{subject}} }, "releaseDate": "2026-12-04", "nino": "a top-level field of the same name is not the identifier" }
        """).RootElement;

    [Theory]
    [InlineData("""{ "pncId": "2019/0412345P", "nino": "JY123456C" }""", true)]
    [InlineData("""{ "pncId": "2019/0412345P" }""", false)]
    [InlineData("""{ "pncId": "2019/0412345P", "nino": null }""", false)]
    public void When_a_subject_identifier_is_tested_for_presence_should_read_the_envelope_subject(string subject, bool present)
    {
        new FieldCondition("subject.nino", ConditionOperator.Exists, ["true"]).IsMetBy(Event(subject)).ShouldBe(present);
        new FieldCondition("subject.nino", ConditionOperator.Exists, ["false"]).IsMetBy(Event(subject)).ShouldBe(!present);
    }

    [Fact]
    public void When_the_event_has_no_envelope_should_find_no_subject_identifier()
    {
        var condition = new FieldCondition("subject.nino", ConditionOperator.Exists, ["true"]);

        condition.IsMetBy(JsonDocument.Parse("""{ "subject": { "nino": "JY123456C" } }""").RootElement).ShouldBeFalse();
        condition.Describe().ShouldBe("subject.nino is present");
    }
}
