using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>
/// Runs a corpus case through the entry points production uses: an <c>http/</c> resource is POSTed to the
/// <see cref="Hub.Adapters.Nhs.Sources.NhsHttpMapper"/> route of its resource type; a <c>drop/</c> file is split by
/// the SDK's <see cref="DropFileReader"/> and its row goes to <see cref="Hub.Adapters.Nhs.Sources.NhsFolderMapper"/>
/// under the file's own name. Either way the event passes <see cref="RecordSubmitter.Prepare{TRecord}"/>, which
/// validates it as the router will.
/// </summary>
public static class CorpusRunner
{
    private static readonly Dictionary<string, string> RouteOf = new(StringComparer.Ordinal)
    {
        ["Encounter"] = "health.discharge.planned",
        ["MedicationRequest"] = "health.treatment-continuity.required",
        ["ServiceRequest"] = "employment.referral.created",
        ["MeasureReport"] = "performance.indicators.submitted",
    };

    public static CorpusRun Run(CorpusCase corpusCase)
    {
        ArgumentNullException.ThrowIfNull(corpusCase);
        var bytes = File.ReadAllBytes(Path.Combine(CorpusManifest.Folder, corpusCase.File));
        return corpusCase.IsHttp ? Post(bytes) : Drop(corpusCase, bytes);
    }

    private static CorpusRun Post(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var body = document.RootElement.Clone();
        var eventType = RouteOf[body.GetProperty("resourceType").GetString()!];
        var context = new RecordContext(AgencyCode.Nhs, Guid.NewGuid(), $"HTTP {eventType}");
        return new CorpusRun(body, NhsDropSamples.Submitter.Prepare(NhsDropSamples.HttpMapper, new HttpIngestRecord(eventType, body), context));
    }

    private static CorpusRun Drop(CorpusCase corpusCase, byte[] bytes)
    {
        var name = Path.GetFileName(corpusCase.File);
        DropFileReader.TryFormatOf(name, out var format).ShouldBeTrue();
        var file = DropFileReader.Read(format, bytes);
        file.FileProblem.ShouldBeNull();
        var row = file.Rows.Single(r => r.Row == corpusCase.Row);
        var fields = row.Fields.ShouldNotBeNull($"row {corpusCase.Row} of {name} is not a JSON object");
        var mapping = NhsDropSamples.Submitter.Prepare(NhsDropSamples.FolderMapper, new DropFolderRecord(name, row.Row, fields), NhsDropSamples.Context(name, row.Row));
        return new CorpusRun(fields, mapping);
    }
}
