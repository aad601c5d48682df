using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Deliveries;
using Hub.Adapters.Nhs.Fhir;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>
/// Every kind of FHIR record the NHS adapter writes, by name, and the record as a receiving system reads it: the
/// JSON the sink would write, parsed back with Firely. The hub's systems sit under a test base, not the demo's.
/// </summary>
internal static class WrittenRecords
{
    public const string CanonicalBase = "https://fhir.hub.test/r4";

    public static HubFhirSystems Systems { get; } = new(CanonicalBase + "/");

    public static Dictionary<string, Func<EventDelivered>> Kinds { get; } = new(StringComparer.Ordinal)
    {
        ["release scheduled"] = () => NhsDeliveries.ReleaseScheduled(),
        ["release scheduled, no NHS number released"] = () => NhsDeliveries.ReleaseScheduled("""{"releaseDate":"2026-12-04"}"""),
        ["release amended"] = NhsDeliveries.ReleaseAmended,
        ["lead professional changed"] = NhsDeliveries.LeadProfessionalChanged,
        ["indicators submitted"] = NhsDeliveries.IndicatorsSubmitted,
    };

    public static TheoryData<string> Names => [.. Kinds.Keys];

    public static string Json(string kind) => Json(Kinds[kind]());

    public static string Json(EventDelivered delivery)
    {
        var mapped = new NhsDeliveryRecordMapper(Systems).Map(delivery).ShouldNotBeNull();
        mapped.Problems.ShouldBeEmpty();
        return JsonSerializer.Serialize(mapped.Value.ShouldBeOfType<FhirR4Resource>());
    }

    public static Resource Read(string kind) => Read(Kinds[kind]());

    public static Resource Read(EventDelivered delivery)
    {
        var parsed = FhirResourceReader.Read<Resource>(Json(delivery));
        parsed.Problems.ShouldBeEmpty();
        return parsed.Value!;
    }
}
