using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Sources.Records;

/// <summary>Where a record came from, and the deterministic event id the SDK offers for it.</summary>
/// <param name="Agency">The adapter's agency: the only valid envelope source.</param>
/// <param name="EventId">Derived from the record's position in its source (file hash + row, change id, body hash).</param>
/// <param name="Origin">A value-free description for reports and logs, e.g. <c>releases.csv row 12</c>.</param>
public sealed record RecordContext(AgencyCode Agency, Guid EventId, string Origin);
