using Hub.Sharing.Cases;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules explain --format json</c>, shape <see cref="Schema"/>: the agreement set and, per event of the case
/// file, its type, id, source, the decision time, the fields present (names only) and every candidate's decision.
/// </summary>
internal static class ExplainJson
{
    public const string Schema = "agencyhub.rules.explain/1";

    public static object Of(string agreementSet, IEnumerable<object> events) => new { schema = Schema, agreementSet, events };

    public static object Event(ShareCase shareCase, DecisionRequest request, DateTimeOffset decidedAt, IEnumerable<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(shareCase);
        ArgumentNullException.ThrowIfNull(request);
        return new
        {
            name = shareCase.Name,
            file = shareCase.Location.File,
            line = shareCase.Location.Line,
            eventType = request.EventType,
            eventId = shareCase.Event.Envelope.EventId,
            source = shareCase.Source.Value,
            decidedAt,
            presentFields = request.PresentFields.Order(StringComparer.Ordinal),
            decisions = decisions.Select(DecisionJson.Of),
        };
    }
}
