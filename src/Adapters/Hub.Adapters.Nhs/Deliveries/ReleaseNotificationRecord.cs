using Hl7.Fhir.Model;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// <c>custody.release.scheduled</c> and <c>custody.release.amended</c> (DSA-001 F4, continuity of care) as a FHIR
/// <c>Communication</c> to the patient's GP or trust record: the release date (and the previous one for an
/// amendment), the establishment, the substance-misuse and mental-health flags and the lead professional, as far as
/// the flow released them. An amendment names the notice it supersedes in <c>about</c>.
/// </summary>
public static class ReleaseNotificationRecord
{
    public static MappingResult<object> Map(EventDelivered delivery, HubFhirSystems systems)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var amended = delivery.EventType == EventCatalogue.For<ReleaseAmended>().Name;
        var releaseDate = payload.Date("releaseDate");
        var previous = payload.OptionalDate("previousReleaseDate");
        var nhsNumber = payload.NhsNumber();
        var supersedes = payload.Text("supersedesEventId");
        if (fields.HasProblems)
        {
            return MappingResult<object>.Failure(fields.Problems);
        }

        var lines = new List<string> { $"Release date: {NarrativeText.Format(releaseDate)}" };
        if (previous is { } before)
        {
            lines.Add($"Previous release date: {NarrativeText.Format(before)}");
        }

        AddIfPresent(lines, "Establishment", payload.Text("establishment"));
        AddIfPresent(lines, "Weekend release", payload.Flag("weekendRelease"));
        AddIfPresent(lines, "Substance misuse flagged", payload.Flag("substanceMisuseFlag"));
        AddIfPresent(lines, "Mental health flagged", payload.Flag("mentalHealthFlag"));
        AddIfPresent(lines, "Lead professional", payload.Text("leadProfessional"));

        var title = amended ? "Prison release date amended" : "Prison release scheduled";
        var about = supersedes is null
            ? null
            : new ResourceReference { Identifier = new Identifier(systems.Event, supersedes), Display = "the release notice this amends" };
        return MappingResult<object>.Success(FhirR4Resource.From(NhsCommunication.For(delivery, systems, title, nhsNumber, lines, about)));
    }

    private static void AddIfPresent(List<string> lines, string label, string? value)
    {
        if (value is not null)
        {
            lines.Add($"{label}: {value}");
        }
    }

    private static void AddIfPresent(List<string> lines, string label, bool? value)
    {
        if (value is { } flag)
        {
            lines.Add($"{label}: {NarrativeText.Format(flag)}");
        }
    }
}
