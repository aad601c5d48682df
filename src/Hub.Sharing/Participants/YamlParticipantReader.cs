using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Agreements.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Participants;

/// <summary>
/// Reads <c>participants.yaml</c>: the agencies beyond the five well-known ones that agreements in the same folder
/// may name. Every problem becomes a located diagnostic, as for agreement files; a file with errors stops the set.
/// </summary>
internal sealed class YamlParticipantReader(string file, List<AgreementDiagnostic> diagnostics)
{
    private static readonly string[] FileKeys = ["participants"];
    private static readonly string[] ParticipantKeys = ["code", "name", "kind", "localAuthority"];
    private static readonly string[] KindValues = ["statutory", "third-sector", "private"];

    private readonly NodeReader _read = new(file, diagnostics);

    public IReadOnlyList<Participant> Read(string text)
    {
        var node = YamlDocumentLoader.Load(file, text, diagnostics);
        var root = node is null ? null : _read.Mapping(node, "the participants file");
        if (root is null)
        {
            return [];
        }

        _read.OnlyKeys(root, "the participants file", FileKeys);
        if (NodeReader.Node(root, "participants") is not { } listNode)
        {
            _read.Error(root, "the participants file has no participants list");
            return [];
        }

        if (listNode is not YamlSequenceNode list)
        {
            _read.Error(listNode, "participants must be a list of code/name/kind entries");
            return [];
        }

        var participants = new List<Participant>();
        foreach (var entry in list)
        {
            if (_read.Mapping(entry, "a participant") is { } map && ReadOne(map, participants) is { } participant)
            {
                participants.Add(participant);
            }
        }

        return participants;
    }

    private Participant? ReadOne(YamlMappingNode map, List<Participant> earlier)
    {
        _read.OnlyKeys(map, "a participant", ParticipantKeys);
        var codeText = _read.Text(map, "code", "a participant", required: true);
        var where = codeText is null ? "a participant" : $"participant {codeText}";
        var name = _read.Text(map, "name", where, required: true);
        var kindText = _read.Text(map, "kind", where, required: true);
        var localAuthority = _read.Text(map, "localAuthority", where, required: false);
        var ok = codeText is not null;

        ParticipantKind? kind = kindText switch
        {
            "statutory" => ParticipantKind.Statutory,
            "third-sector" => ParticipantKind.ThirdSector,
            "private" => ParticipantKind.Private,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            _read.Error(NodeReader.Node(map, "kind")!, $"{where}: kind '{kindText}' is not statutory, third-sector or private", Suggestions.DidYouMean(kindText, KindValues));
        }

        AgencyCode code = default;
        if (codeText is not null)
        {
            var codeNode = NodeReader.Node(map, "code")!;
            if (!AgencyCode.TryParse(codeText, out code))
            {
                _read.Error(codeNode, $"'{codeText}' is not an agency code: 2-32 lower-case letters, digits or hyphens, starting with a letter");
                ok = false;
            }
            else if (AgencyCode.WellKnown.Contains(code))
            {
                _read.Error(codeNode, $"{code} is a well-known agency and is always a participant; remove this entry");
                ok = false;
            }
            else if (earlier.Any(p => p.Code == code))
            {
                _read.Error(codeNode, $"participant {code} is declared more than once");
                ok = false;
            }
        }

        // A participant with a bad name or kind is still known by its code, so that agreements naming it do not
        // repeat the error; the file's own error already stops the set from loading.
        return ok
            ? new Participant(code, name ?? code.Value, kind ?? ParticipantKind.Statutory) { LocalAuthority = localAuthority, Location = _read.At(map) }
            : null;
    }
}
