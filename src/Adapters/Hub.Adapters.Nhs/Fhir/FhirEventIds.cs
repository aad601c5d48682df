using System.Globalization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// The NHS adapter's event ids: derived from the resource's logical id and <c>meta.versionId</c> (absent reads as
/// <c>1</c>) and the kind of record it maps to, so re-reading a version yields the same id (docs/adr/0009), and a
/// retraction can name the ids earlier versions were published under (docs/adr/0020).
/// </summary>
public static class FhirEventIds
{
    /// <summary>How many versions back a retraction names, at most: versions 1 to this one.</summary>
    public const int MaxVersionsRetracted = 100;

    public static Guid For(string recordKind, string resourceId, string? versionId) =>
        RecordEventIds.For(AgencyCode.Nhs, recordKind, $"{resourceId}/{versionId ?? "1"}");

    /// <summary>
    /// The ids every version up to and including <paramref name="versionId"/> was or would have been published
    /// under. A numeric version <c>n</c> names versions 1..n (at most <see cref="MaxVersionsRetracted"/>, the
    /// latest ones); any other version id names only itself, since its predecessors cannot be known.
    /// </summary>
    public static IReadOnlyList<Guid> UpTo(string recordKind, string resourceId, string? versionId)
    {
        if (!int.TryParse(versionId ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var latest) || latest < 1)
        {
            return [For(recordKind, resourceId, versionId)];
        }

        var first = Math.Max(1, latest - MaxVersionsRetracted + 1);
        return [.. Enumerable.Range(first, latest - first + 1).Select(v => For(recordKind, resourceId, v.ToString(CultureInfo.InvariantCulture)))];
    }
}
