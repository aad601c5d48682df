using Hub.Contracts.Agencies;
using Hub.Sharing.Participants;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Reads a list of agency codes (an agreement's parties, a flow's source or recipients): each must be one of the
/// five well-known agencies or a participant declared in participants.yaml, and, for a flow, a party.
/// </summary>
internal sealed class YamlAgencyReader(NodeReader read, ParticipantRegistry participants)
{
    /// <summary>
    /// The codes under <paramref name="key"/> that are known (and, when <paramref name="parties"/> is not empty,
    /// parties); each other entry is reported. <paramref name="required"/> also refuses an empty list.
    /// </summary>
    public List<AgencyCode> Read(YamlMappingNode map, string key, string where, bool required, IReadOnlyList<AgencyCode> parties)
    {
        var codes = new List<AgencyCode>();
        var entries = read.List(map, key, where, required);
        if (required && entries.Count == 0 && NodeReader.Node(map, key) is { } empty)
        {
            read.Error(empty, $"{where}: {key} names no agency");
        }

        foreach (var (value, node) in entries)
        {
            if (!AgencyCode.TryParse(value, out var code) || !participants.Contains(code))
            {
                read.Error(
                    node,
                    $"{where}: '{value}' is not a known agency ({string.Join(", ", participants.Codes)}); declare other participants in {ParticipantRegistry.FileName}",
                    Suggestions.DidYouMean(value, participants.Codes.Select(a => a.Value)));
            }
            else if (parties.Count > 0 && !parties.Contains(code))
            {
                read.Error(node, $"{where}: {code} is not a party to this agreement; add it to parties or remove it here");
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes;
    }
}
