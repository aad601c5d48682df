using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.Records;

/// <summary>A mapper's answer: a contract event, or the problems (field names, never values) that stop it being one.</summary>
public sealed record RecordMapping
{
    private RecordMapping(IShareableEvent? @event, IReadOnlyList<string> problems)
    {
        Event = @event;
        Problems = problems;
    }

    public IShareableEvent? Event { get; }

    public IReadOnlyList<string> Problems { get; }

    public static RecordMapping Mapped(IShareableEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return new RecordMapping(@event, []);
    }

    public static RecordMapping Rejected(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A rejection names at least one problem.", nameof(problems));
        }

        return new RecordMapping(null, problems);
    }

    public static RecordMapping Rejected(string problem) => Rejected([problem]);
}
