using Hub.Contracts.Agencies;

namespace Hub.Sharing.Agreements;

/// <summary>A data-sharing agreement as an IG lead wrote it: identity, parties, lifetime, sign-off and flows.</summary>
public sealed record Agreement
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required AgreementStatus Status { get; init; }

    public string? Owner { get; init; }

    public IReadOnlyList<AgencyCode> Parties { get; init; } = [];

    public required DateOnly Effective { get; init; }

    public DateOnly? Review { get; init; }

    public DateOnly? Expires { get; init; }

    public IReadOnlyList<SignOff> SignOffs { get; init; } = [];

    public required IReadOnlyList<Flow> Flows { get; init; }

    /// <summary>The file it was loaded from, for error messages and explanations.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Where the agreement's id is written: repeated ids are reported there.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;

    /// <summary>Where <c>review:</c> is written, for the review-due warning; unknown when there is none.</summary>
    public SourceLocation ReviewLocation { get; init; } = SourceLocation.Unknown;

    /// <summary>Where <c>expires:</c> is written, for the expiry warning; unknown when there is none.</summary>
    public SourceLocation ExpiresLocation { get; init; } = SourceLocation.Unknown;

    public string Reference => $"{Id}@{Version}";

    /// <summary>Active, on or after its effective date and before its expiry date (dates compared in UTC).</summary>
    public bool IsInForceAt(DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        return Status == AgreementStatus.Active && day >= Effective && (Expires is null || day < Expires);
    }
}
