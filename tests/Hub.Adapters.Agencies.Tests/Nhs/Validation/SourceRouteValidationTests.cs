using System.Text.Json.Nodes;
using Hub.Adapters.Agencies.Tests.Nhs.Semantics;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Agencies.Tests.Nhs.Validation;

/// <summary>
/// Every source route validates against base R4 before mapping, retracting statuses included: each resource below
/// breaks base R4's per-1 (a period that ends before it starts), which the parser accepts and only the validator refuses.
/// </summary>
public sealed class SourceRouteValidationTests
{
    private const string Invariant = "fhir-invalid: validator issue 1012 (invariant)";

    public static TheoryData<string, string, string> Routes => new()
    {
        { "Encounter", "Encounter.ndjson", "health.discharge.planned" },
        { "MedicationRequest", "MedicationRequest.ndjson", "health.treatment-continuity.required" },
        { "ServiceRequest", "ServiceRequest.ndjson", "employment.referral.created" },
        { "MeasureReport", "MeasureReport.ndjson", "performance.indicators.submitted" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void When_a_resource_breaks_base_r4_should_be_refused_on_its_drop_file_the_mixed_drop_file_and_its_http_route(string type, string typedFile, string eventType)
    {
        var resource = Backwards(type);

        foreach (var file in new[] { typedFile, "export.ndjson" })
        {
            var dropped = NhsDropSamples.Submitter.Prepare(NhsDropSamples.FolderMapper, new DropFolderRecord(file, 1, resource.Json), NhsDropSamples.Context(file, 1));
            dropped.Event.ShouldBeNull(file);
            dropped.Problems.ShouldContain(p => p.EndsWith(Invariant, StringComparison.Ordinal), file);
        }

        var posted = NhsDropSamples.Submitter.Prepare(NhsDropSamples.HttpMapper, new HttpIngestRecord(eventType, resource.Json), new RecordContext(AgencyCode.Nhs, Guid.NewGuid(), "HTTP " + eventType));
        posted.Event.ShouldBeNull();
        posted.Problems.ShouldContain(p => p.EndsWith(Invariant, StringComparison.Ordinal));
    }

    [Fact]
    public void When_a_retracting_version_breaks_base_r4_should_be_refused_rather_than_retract()
    {
        var resource = Backwards("Encounter").Set("status", "entered-in-error").Version("4");

        var mapping = NhsDropSamples.Submitter.Prepare(NhsDropSamples.FolderMapper, new DropFolderRecord("Encounter.ndjson", 1, resource.Json), NhsDropSamples.Context("Encounter.ndjson", 1));

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldBe([$"Encounter.period[0]: {Invariant}"]);
    }

    /// <summary>The sample of <paramref name="type"/> with one of its periods running backwards.</summary>
    private static FhirVariant Backwards(string type) => type switch
    {
        "Encounter" => FhirVariant.Encounter().Set("period", Period("2026-11-25T11:00:00Z", "2026-11-18T14:20:00Z")),
        "MedicationRequest" => FhirVariant.MedicationRequest().Set("dispenseRequest", new JsonObject { ["validityPeriod"] = Period("2026-12-01", "2026-11-20") }),
        "ServiceRequest" => FhirVariant.ServiceRequest().Set("occurrencePeriod", Period("2026-12-01", "2026-11-20")),
        _ => FhirVariant.MeasureReport().Set("period", Period("2026-09-30", "2026-07-01")),
    };

    private static JsonObject Period(string start, string end) => new() { ["start"] = start, ["end"] = end };
}
