using Hub.Testing.Messaging;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.DropFolder;

namespace Hub.Adapters.Agencies.Tests.Nhs.DropFolder;

/// <summary>FHIR resources parsed, validated and mapped on several threads (PrepareParallelism), published in file order.</summary>
public sealed class NhsDropFolderParallelTests
{
    private const int Rows = 40;
    private const int ParseRefused = 8;
    private const int ValidationRefused = 21;
    private const int NotJson = 30;

    [Fact]
    public async Task When_an_export_is_validated_in_parallel_should_quarantine_refused_resources_and_publish_and_report_exactly_as_one_at_a_time()
    {
        var content = Export();
        var one = await RunAsync(content, prepareParallelism: 1);
        var four = await RunAsync(content, prepareParallelism: 4);

        four.Report.Rows.ShouldBe(Rows);
        four.Report.Quarantined.Select(q => q.Row).ShouldBe([ParseRefused, ValidationRefused, NotJson]);
        four.Report.Published.ShouldBe(Rows - 3);
        var refused = four.Report.Quarantined.Single(q => q.Row == ValidationRefused);
        refused.Reasons.ShouldBe(["Encounter.period[0]: fhir-invalid: validator issue 1012 (invariant)"], "the FHIR path and the issue code, never a value");
        four.Report.Quarantined.Single(q => q.Row == NotJson).Reasons.ShouldBe(["the row is not valid JSON"]);
        var identifiers = NhsSampleIdentifiers.In(content);
        four.Report.Quarantined.SelectMany(q => q.Reasons).ShouldAllBe(r => !identifiers.Any(r.Contains));

        four.Report.Published.ShouldBe(one.Report.Published);
        four.Report.Quarantined.Select(q => (q.Row, string.Join(" | ", q.Reasons))).ShouldBe(one.Report.Quarantined.Select(q => (q.Row, string.Join(" | ", q.Reasons))));
        four.Rejected.ShouldBe(one.Rejected, "the quarantine file is the same, byte for byte");
        four.Published.Count.ShouldBe(Rows - 3);
        four.Published.ShouldBe(one.Published, "the neighbours of the refused resources publish the same events, in file order");
    }

    private static async Task<(DropFileReport Report, string Rejected, IReadOnlyList<Guid> Published)> RunAsync(string content, int prepareParallelism)
    {
        await using var host = await NhsDropFolderTestHost.StartAsync(prepareParallelism);
        await host.DropAsync("export.ndjson", content);
        var order = host.RecordPublishOrder();

        var report = await host.Processor.ProcessAsync("export.ndjson", CancellationToken.None);

        File.Exists(Path.Combine(host.Layout.Done, "export.ndjson")).ShouldBeTrue();
        return (report, await File.ReadAllTextAsync(host.Layout.Rejected("export.ndjson", DropFileFormat.Ndjson)), order.Started);
    }

    /// <summary>
    /// The four valid samples in turn, each row its own resource (the id numbered), with three refused rows among them:
    /// one the parser refuses, one only the validator refuses (base R4's per-1: the period ends before it starts), and
    /// a line that is not JSON.
    /// </summary>
    private static string Export()
    {
        string[] samples = ["encounter-discharge-planned.json", "medication-request-ost.json", "service-request-referral.json", "measure-report-vital-signs.json"];
        var valid = samples.Select(s => JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("nhs", s)))!.AsObject()).ToList();
        var text = new StringBuilder();
        for (var row = 1; row <= Rows; row++)
        {
            var line = row switch
            {
                ParseRefused => File.ReadAllLines(RepoPaths.Sample("nhs", "drop/Encounter.ndjson"))[3],
                ValidationRefused => PeriodBackwards(valid[0]),
                NotJson => File.ReadAllLines(RepoPaths.Sample("nhs", "drop/MedicationRequest.ndjson"))[3],
                _ => Numbered(valid[(row - 1) % valid.Count], row),
            };
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static string Numbered(JsonObject resource, int row)
    {
        var copy = resource.DeepClone().AsObject();
        copy["id"] = $"{copy["id"]!.GetValue<string>()}-{row}";
        return copy.ToJsonString();
    }

    private static string PeriodBackwards(JsonObject encounter)
    {
        var copy = encounter.DeepClone().AsObject();
        copy["id"] = "enc-backwards";
        var period = copy["period"]!.AsObject();
        (period["start"], period["end"]) = (period["end"]!.DeepClone(), period["start"]!.DeepClone());
        return copy.ToJsonString();
    }
}
