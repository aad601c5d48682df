using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Participants;

namespace Hub.WebConsole.Agreements;

/// <summary>
/// Source x recipient x event type from the agreements in force on a day (active, effective, not expired): permit,
/// forbid or nothing. Only sources that some flow in force names appear; every other participant is a column.
/// </summary>
public static class FlowMatrixBuilder
{
    public static IReadOnlyList<SourceMatrix> Build(IReadOnlyList<Agreement> agreements, ParticipantRegistry participants, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(participants);
        var instant = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var flows = agreements
            .Where(a => a.IsInForceAt(instant))
            .SelectMany(a => a.Flows.Select(f => (Agreement: a, Flow: f)))
            .ToList();
        return [.. participants.Codes
            .Where(source => flows.Any(x => x.Flow.Source == source))
            .Select(source => ForSource(source, flows.Where(x => x.Flow.Source == source).ToList(), participants))];
    }

    private static SourceMatrix ForSource(AgencyCode source, List<(Agreement Agreement, Flow Flow)> flows, ParticipantRegistry participants)
    {
        var recipients = participants.Codes.Where(c => c != source).ToList();
        var eventTypes = flows.SelectMany(x => x.Flow.EventTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = eventTypes.Select(type => new MatrixRow(type, [.. recipients.Select(recipient => Cell(flows, type, recipient))]));
        return new SourceMatrix(source, recipients, [.. rows]);
    }

    private static MatrixCell Cell(List<(Agreement Agreement, Flow Flow)> flows, string eventType, AgencyCode recipient)
    {
        var applying = flows
            .Where(x => x.Flow.EventTypes.Contains(eventType, StringComparer.Ordinal) && x.Flow.Recipients.Contains(recipient))
            .ToList();
        if (applying.Count == 0)
        {
            return MatrixCell.Nothing;
        }

        return new MatrixCell(
            [.. applying.Where(x => x.Flow.Effect == FlowEffect.Forbid).Select(Describe)],
            [.. applying.Where(x => x.Flow.Effect == FlowEffect.Permit).Select(Describe)]);
    }

    private static MatrixFlow Describe((Agreement Agreement, Flow Flow) x) =>
        new(x.Agreement.Id, x.Agreement.Reference, x.Flow.Id, x.Flow.Conditions.Count > 0 || x.Flow.Consent != ConsentRequirement.NotRequired);
}
