using System.CommandLine;
using Hub.Contracts.Agencies;

namespace Hub.Cli.Commands.Ops;

/// <summary><c>--queue Q</c> or <c>--agency A</c>: which dead-letter queues a command looks at (default: all of them).</summary>
internal sealed class QueueSelection
{
    public Option<string?> Queue { get; } = new("--queue") { Description = "One dead-letter queue, e.g. hub.ingress.probation_error or hub.delivery.police_error" };

    public Option<string?> Agency { get; } = new("--agency") { Description = "Only this agency's dead-letter queues (its ingress and delivery _error and _skipped queues)" };

    public void AddTo(Command command, bool withAgency = true)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Queue);
        if (withAgency)
        {
            command.Options.Add(Agency);
        }
    }

    /// <returns>The queues, or null with <paramref name="error"/>.</returns>
    public IReadOnlyList<string>? Resolve(ParseResult result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(result);
        var queue = result.GetValue(Queue);
        var agency = result.GetValue(Agency);
        error = null;
        if (queue is not null && agency is not null)
        {
            error = "Give either --queue or --agency, not both.";
            return null;
        }

        if (queue is not null)
        {
            if (!DeadLetterQueues.TryParse(queue, out _, out _))
            {
                error = $"'{Shown(queue)}' is not a hub dead-letter queue: expected hub.ingress.AGENCY_error, hub.ingress.AGENCY_skipped, hub.delivery.AGENCY_error or hub.delivery.AGENCY_skipped.";
                return null;
            }

            return [queue];
        }

        if (agency is not null)
        {
            if (!AgencyCode.TryParse(agency, out var code))
            {
                error = "--agency must be an agency code (2-32 lower-case letters, digits or hyphens), e.g. probation.";
                return null;
            }

            return DeadLetterQueues.For([code]);
        }

        return DeadLetterQueues.For(AgencyCode.WellKnown);
    }

    private static string Shown(string text) => new([.. text.Where(c => !char.IsControl(c)).Take(80)]);
}
