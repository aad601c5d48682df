using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Reads a flow's <c>smallNumbers: { threshold: 5, action: suppress | deny }</c>. Only a permit for aggregate
/// event types may have one: personal events are controlled by their fields and footing, not by cell counts.
/// </summary>
internal sealed class YamlSmallNumbersReader(NodeReader read)
{
    public const string Key = "smallNumbers";
    private const int MaxThreshold = 100;

    public SmallNumberRule? Read(YamlMappingNode flow, string where, bool permit, List<EventTypeInfo> eventTypes)
    {
        if (NodeReader.Node(flow, Key) is not { } node)
        {
            return null;
        }

        if (read.Mapping(node, $"{where}: {Key}") is not { } map)
        {
            return null;
        }

        read.OnlyKeys(map, Key, "threshold", "action");
        var threshold = read.Number(map, "threshold", $"{where}: {Key}", required: true);
        if (threshold is < 2 or > MaxThreshold)
        {
            read.Error(NodeReader.Node(map, "threshold")!, $"{where}: {Key}.threshold must be from 2 to {MaxThreshold} (the usual convention suppresses counts below 5)");
        }

        var actionText = read.Text(map, "action", $"{where}: {Key}", required: false) ?? "suppress";
        SmallNumberAction? action = actionText switch { "suppress" => SmallNumberAction.Suppress, "deny" => SmallNumberAction.Deny, _ => null };
        if (action is null)
        {
            read.Error(NodeReader.Node(map, "action")!, $"{where}: {Key}.action '{actionText}' is not suppress or deny", Suggestions.DidYouMean(actionText, ["suppress", "deny"]));
        }

        if (!permit)
        {
            read.Error(node, $"{where}: {Key} applies to permits only; a forbid releases nothing to control");
        }
        else if (eventTypes.Count > 0 && eventTypes.Any(e => e.Classification != DataClassification.AggregateNonPersonal))
        {
            read.Error(node, $"{where}: {Key} is disclosure control for aggregate statistics, but {string.Join(" and ", eventTypes.Where(e => e.Classification != DataClassification.AggregateNonPersonal).Select(e => e.Name))} is personal data", "control personal events with fields, conditions and their footing instead");
        }

        return threshold is { } t and >= 2 and <= MaxThreshold && action is { } a ? new SmallNumberRule(t, a) : null;
    }
}
