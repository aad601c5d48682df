using System.Text.RegularExpressions;
using Hl7.Fhir.Utility;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.Fhir.Semantics;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

/// <summary>The adapter README's semantics table says what the code does: the statuses and intents that publish.</summary>
public sealed partial class NhsReadmeSemanticsTableTests
{
    public static TheoryData<string, string[], string[]> Published => new()
    {
        { "MedicationRequest", Literals(MedicationRequestSemantics.ActionableStatuses), Literals(MedicationRequestSemantics.ActionableIntents) },
        { "ServiceRequest", Literals(ServiceRequestSemantics.ActionableStatuses), Literals(ServiceRequestSemantics.ActionableIntents) },
        { "Encounter", Literals(EncounterSemantics.ActionableStatuses), [] },
        { "MeasureReport", Literals(MeasureReportSemantics.ActionableStatuses), [] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void When_the_readme_lists_what_publishes_should_match_the_code(string resource, string[] statuses, string[] intents)
    {
        var row = File.ReadAllLines(RepoPaths.File("src", "Adapters", "Hub.Adapters.Nhs", "README.md"))
            .Single(l => l.StartsWith($"| `{resource}` | ", StringComparison.Ordinal) && l.Split('|').Length == 8);
        var cells = row.Split('|');

        Codes(cells[2]).ShouldBe(statuses, ignoreOrder: true);
        Codes(cells[3]).ShouldBe(intents, ignoreOrder: true);
    }

    private static string[] Codes(string cell) => [.. CodeSpan().Matches(cell).Select(m => m.Groups[1].Value)];

    private static string[] Literals<TCode>(IReadOnlySet<TCode> codes)
        where TCode : struct, Enum => [.. codes.Select(c => c.GetLiteral())];

    [GeneratedRegex("`([a-z-]+)`")]
    private static partial Regex CodeSpan();
}
