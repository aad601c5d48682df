using Hub.Sharing.Agreements;
using Hub.Sharing.Participants;

namespace Hub.WebConsole.Agreements;

/// <summary>One reading of the agreements folder, judged as of <see cref="Today"/>.</summary>
public sealed record AgreementsSnapshot(LintResult Lint, DateOnly Today)
{
    /// <summary>The agreements that load (those without errors); empty when an error stops the whole set.</summary>
    public IReadOnlyList<Agreement> Agreements => Lint.Set?.Agreements ?? [];

    public ParticipantRegistry Participants => Lint.Set?.Participants ?? ParticipantRegistry.WellKnownOnly;

    /// <summary>The set's hash, as decisions quote it; null when an error stops the whole set.</summary>
    public string? Hash => Lint.Set?.Hash;

    public IReadOnlyList<AgreementDiagnostic> Errors => [.. Lint.Diagnostics.Where(d => d.IsError)];

    public IReadOnlyList<AgreementDiagnostic> Warnings => [.. Lint.Diagnostics.Where(d => !d.IsError)];

    public Agreement? Find(string id) => Agreements.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));

    public IReadOnlyList<AgreementDiagnostic> DiagnosticsFor(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return [.. Lint.Diagnostics.Where(d => string.Equals(d.File, agreement.SourceFile, StringComparison.Ordinal))];
    }
}
