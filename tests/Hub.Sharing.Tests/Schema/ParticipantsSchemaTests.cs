using System.Reflection;
using System.Text.Json.Nodes;
using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Participants;

namespace Hub.Sharing.Tests.Schema;

/// <summary>schemas/participants.schema.json against the shipped participants file and the reader, so they cannot drift apart.</summary>
public class ParticipantsSchemaTests
{
    private static readonly Lazy<JsonObject> SchemaDocument = new(() => JsonNode.Parse(File.ReadAllText(SchemaFiles.ParticipantsSchema))!.AsObject());

    private static SchemaValidator Validator => new(SchemaDocument.Value);

    private static JsonObject Entry => SchemaDocument.Value["properties"]!["participants"]!["items"]!.AsObject();

    [Fact]
    public void When_the_shipped_participants_file_is_checked_should_be_valid_against_the_schema_and_lint()
    {
        var text = File.ReadAllText(Path.Combine(SchemaFiles.Samples, ParticipantRegistry.FileName));

        Validator.Validate(YamlJson.Parse(text)).ShouldBeEmpty();
        Validator.UnknownKeywords().ShouldBeEmpty();
        AgreementLoader.Lint([(ParticipantRegistry.FileName, text)], new DateOnly(2026, 6, 1)).Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void When_compared_with_the_reader_should_have_the_same_keys_kinds_and_refused_codes()
    {
        Entry["properties"]!.AsObject().Select(p => p.Key).ShouldBe(ReaderList("ParticipantKeys"), ignoreOrder: true);
        Entry["properties"]!["kind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(ReaderList("KindValues"));
        Entry["properties"]!["code"]!["not"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(AgencyCode.WellKnown.Select(a => a.Value));
    }

    [Theory]
    [InlineData("participants:\n  - { code: lambeth, name: Lambeth, kind: charity }\n")]
    [InlineData("participants:\n  - { code: council, name: Lewisham, kind: statutory }\n")]
    [InlineData("participants:\n  - { code: Lambeth, name: Lambeth, kind: statutory }\n")]
    [InlineData("participants:\n  - { code: lambeth, kind: statutory }\n")]
    [InlineData("participants:\n  - { code: lambeth, name: Lambeth, kind: statutory, area: x }\n")]
    [InlineData("participants: lambeth\n")]
    public void When_an_entry_is_wrong_should_be_refused_by_the_schema_and_the_reader(string yaml)
    {
        Validator.Validate(YamlJson.Parse(yaml)).ShouldNotBeEmpty(yaml);
        AgreementLoader.Lint([(ParticipantRegistry.FileName, yaml)], new DateOnly(2026, 6, 1)).HasErrors.ShouldBeTrue(yaml);
    }

    private static string[] ReaderList(string field) =>
        typeof(ParticipantRegistry).Assembly.GetType("Hub.Sharing.Participants.YamlParticipantReader")?
            .GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string[]
        ?? throw new InvalidOperationException($"YamlParticipantReader.{field} has moved: update ParticipantsSchemaTests");
}
