using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using Hub.Sharing.Participants;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Reads one agreement file into the model, checking structure and every name against the vocabularies and
/// the event catalogue as it goes. Problems become located diagnostics; a file with errors yields no agreement.
/// </summary>
internal sealed class YamlAgreementReader(string file, List<AgreementDiagnostic> diagnostics, ParticipantRegistry participants)
{
    private static readonly string[] AgreementKeys = ["id", "title", "version", "status", "owner", "parties", "effective", "review", "expires", "signOff", "flows"];
    private static readonly string[] SignOffKeys = ["role", "reference", "date"];

    private readonly NodeReader _read = new(file, diagnostics);

    public Agreement? Read(string text)
    {
        var before = diagnostics.Count(d => d.IsError);
        var node = YamlDocumentLoader.Load(file, text, diagnostics);
        if (diagnostics.Count(d => d.IsError) > before)
        {
            return null;
        }

        var root = node is null ? null : _read.Mapping(node, "the agreement");
        if (root is null)
        {
            diagnostics.Add(new AgreementDiagnostic(file, 1, 1, "file holds no agreement"));
            return null;
        }

        _read.OnlyKeys(root, "an agreement", AgreementKeys);
        var id = _read.Text(root, "id", "the agreement", required: true);
        var version = _read.Number(root, "version", "the agreement", required: true);
        if (version is < 1)
        {
            _read.Error(NodeReader.Node(root, "version")!, "version must be 1 or more");
        }

        var statusText = _read.Text(root, "status", "the agreement", required: true);
        AgreementStatus? parsedStatus = statusText switch
        {
            "draft" => AgreementStatus.Draft,
            "active" => AgreementStatus.Active,
            "suspended" => AgreementStatus.Suspended,
            "retired" => AgreementStatus.Retired,
            _ => null,
        };
        var status = parsedStatus ?? AgreementStatus.Draft;
        if (statusText is not null && parsedStatus is null)
        {
            _read.Error(NodeReader.Node(root, "status")!, $"status '{statusText}' is not draft, active, suspended or retired", Suggestions.DidYouMean(statusText, ["draft", "active", "suspended", "retired"]));
        }

        var parties = new YamlAgencyReader(_read, participants).Read(root, "parties", "the agreement", required: false, parties: []);
        var effective = _read.Date(root, "effective", "the agreement", required: true);
        var review = _read.Date(root, "review", "the agreement", required: false);
        var expires = _read.Date(root, "expires", "the agreement", required: false);
        CheckOrder(root, effective, review, expires);

        var where = id ?? "the agreement";
        var flows = new List<Flow>();
        if (NodeReader.Node(root, "flows") is YamlSequenceNode flowNodes && flowNodes.Children.Count > 0)
        {
            var reader = new YamlFlowReader(_read, parties, participants);
            foreach (var flowNode in flowNodes)
            {
                if (reader.Read(flowNode, where) is { } flow)
                {
                    flows.Add(flow);
                }
            }

            foreach (var repeated in flows.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var second = repeated.Skip(1).First().Location;
                diagnostics.Add(new AgreementDiagnostic(file, second.Line, second.Column, $"{where} has more than one flow {repeated.Key}"));
            }
        }
        else
        {
            _read.Error(NodeReader.Node(root, "flows") ?? root, $"{where} has no flows");
        }

        var signOffs = ReadSignOffs(root, where);
        if (diagnostics.Count(d => d.IsError) > before)
        {
            return null;
        }

        return new Agreement
        {
            Id = id!,
            Version = version!.Value,
            Title = _read.Text(root, "title", where, required: false) ?? id!,
            Status = status,
            Owner = _read.Text(root, "owner", where, required: false),
            Parties = parties,
            Effective = effective!.Value,
            Review = review,
            Expires = expires,
            SignOffs = signOffs,
            Flows = flows,
            SourceFile = file,
            Location = At(root, "id"),
            ReviewLocation = At(root, "review"),
            ExpiresLocation = At(root, "expires"),
        };
    }

    private SourceLocation At(YamlMappingNode root, string key) =>
        NodeReader.Node(root, key) is { } node ? _read.At(node) : SourceLocation.Unknown;

    private void CheckOrder(YamlMappingNode root, DateOnly? effective, DateOnly? review, DateOnly? expires)
    {
        if (effective is not null && expires is not null && expires <= effective)
        {
            _read.Error(NodeReader.Node(root, "expires")!, "expires must be after effective");
        }

        if (effective is not null && review is not null && review <= effective)
        {
            _read.Error(NodeReader.Node(root, "review")!, "review must be after effective");
        }

        if (review is not null && expires is not null && review > expires)
        {
            _read.Error(NodeReader.Node(root, "review")!, "review must not be after expires");
        }
    }

    private List<SignOff> ReadSignOffs(YamlMappingNode root, string where)
    {
        var signOffs = new List<SignOff>();
        if (NodeReader.Node(root, "signOff") is not { } node)
        {
            return signOffs;
        }

        if (node is not YamlSequenceNode sequence)
        {
            _read.Error(node, $"{where}: signOff must be a list of role/reference/date entries");
            return signOffs;
        }

        foreach (var entry in sequence)
        {
            if (_read.Mapping(entry, $"{where}: a signOff entry") is not { } map)
            {
                continue;
            }

            _read.OnlyKeys(map, "a signOff entry", SignOffKeys);
            var role = _read.Text(map, "role", $"{where}: a signOff entry", required: true);
            var reference = _read.Text(map, "reference", $"{where}: a signOff entry", required: true);
            var date = _read.Date(map, "date", $"{where}: a signOff entry", required: false);
            if (role is not null && reference is not null)
            {
                signOffs.Add(new SignOff(role, reference, date));
            }
        }

        return signOffs;
    }

    /// <summary>Obligations default to none; read here so flow reading stays one screen.</summary>
    internal static Obligations ReadObligations(NodeReader read, YamlMappingNode flow, string where)
    {
        if (read.Mapping(NodeReader.Node(flow, "obligations"), $"{where}: obligations") is not { } map)
        {
            return Obligations.None;
        }

        read.OnlyKeys(map, "obligations", "retentionDays", "onwardSharingForbidden");
        var days = read.Number(map, "retentionDays", $"{where}: obligations", required: false);
        if (days is < 1)
        {
            read.Error(NodeReader.Node(map, "retentionDays")!, $"{where}: retentionDays must be 1 or more");
        }

        return new Obligations { RetentionDays = days, OnwardSharingForbidden = read.Flag(map, "onwardSharingForbidden", $"{where}: obligations") ?? false };
    }
}
