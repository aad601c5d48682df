using Hub.Sharing.Agreements;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules diff --format json</c>, shape <see cref="Schema"/>: both sets' hashes, every change to the sharing
/// rules per (event type, source, recipient), and with <c>--cases</c> every case decision that flips.
/// </summary>
internal static class DiffJson
{
    public const string Schema = "agencyhub.rules.diff/1";

    public static object Of(string before, string after, IReadOnlyList<AgreementChange> changes, IReadOnlyList<CaseFlip>? flips) => new
    {
        schema = Schema,
        before,
        after,
        casesReplayed = flips is not null,
        changes = changes.Select(c => new { eventType = c.EventType, source = c.Source, recipient = c.Recipient, change = c.Change }),
        flips = (flips ?? []).Select(f => new
        {
            @case = f.Case,
            recipient = f.Recipient.Value,
            was = DecisionJson.Word(f.WasAllowed),
            becomes = DecisionJson.Word(f.IsAllowed),
            fieldsAdded = f.FieldsAdded,
            fieldsRemoved = f.FieldsRemoved,
        }),
    };
}
