using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Participants;
using Hub.Sharing.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Reads one flow and checks it the way an IG reviewer would: known agencies and parties, known event types and
/// fields, a controlled purpose, a lawful basis fit for the data (an Art. 9 condition for health data with the
/// Sch. 1 condition that goes with it, or explicit consent with consent required; a criminal offence condition for
/// offence data), and a gateway whose prescribed purposes include the flow's purpose.
/// </summary>
internal sealed class YamlFlowReader(NodeReader read, IReadOnlyList<AgencyCode> parties, ParticipantRegistry participants)
{
    private static readonly string[] FlowKeys = ["id", "effect", "source", "eventTypes", "recipients", "purpose", "lawfulBasis", "gateway", "consent", "fields", "conditions", "pseudonymise", "obligations", YamlSmallNumbersReader.Key];
    private static readonly string[] ConsentValues = ["required", "not-required", "required-unless-gateway"];

    private readonly YamlAgencyReader _agencies = new(read, participants);
    private readonly YamlLawfulBasisReader _basis = new(read);
    private readonly YamlFootingRules _footing = new(read);
    private readonly YamlConditionReader _conditions = new(read);
    private readonly YamlSmallNumbersReader _smallNumbers = new(read);

    public Flow? Read(YamlNode node, string agreement)
    {
        if (read.Mapping(node, $"{agreement}: a flow") is not { } map)
        {
            return null;
        }

        var id = read.Text(map, "id", $"{agreement}: a flow", required: true) ?? "(no id)";
        var where = $"{agreement} flow {id}";
        read.OnlyKeys(map, "a flow", FlowKeys);

        var effectText = read.Text(map, "effect", where, required: false) ?? "permit";
        FlowEffect? parsedEffect = effectText switch { "permit" => FlowEffect.Permit, "forbid" => FlowEffect.Forbid, _ => null };
        var effect = parsedEffect ?? FlowEffect.Forbid;
        if (parsedEffect is null)
        {
            read.Error(NodeReader.Node(map, "effect")!, $"{where}: effect '{effectText}' is not permit or forbid", Suggestions.DidYouMean(effectText, ["permit", "forbid"]));
        }

        var source = Agency(map, "source", where);
        var recipients = _agencies.Read(map, "recipients", where, required: true, parties);
        var eventTypes = EventTypes(map, where);
        var purpose = Purpose(map, where);
        var permit = effect == FlowEffect.Permit;
        var fields = Fields(map, "fields", eventTypes, where, required: permit);
        var basis = _basis.Read(map, where, permit, eventTypes, fields);
        var gateway = GatewayOf(map, where, purpose);
        GatewayServesRecipients(map, where, gateway, recipients);
        var consent = Consent(map, where, gateway);
        if (permit)
        {
            _footing.ExplicitConsentIsRequired(map, where, basis, consent);
            _footing.AggregateNeedsNoFooting(map, where, eventTypes, consent);
        }

        var conditions = _conditions.Read(map, eventTypes, where);
        var pseudonymise = Fields(map, "pseudonymise", eventTypes, where, required: false);
        foreach (var (field, fieldNode) in PseudonymiseNodes(map).Where(p => !fields.Contains(p.Value)))
        {
            read.Error(fieldNode, $"{where}: '{field}' is pseudonymised but not released; add it to fields or remove it here");
        }

        if (permit && fields.Count == 0 && NodeReader.Node(map, "fields") is { } emptyFields)
        {
            read.Error(emptyFields, $"{where} permits sharing but releases no fields");
        }

        return new Flow
        {
            Id = id,
            Effect = effect,
            Source = source ?? default,
            EventTypes = [.. eventTypes.Select(e => e.Name)],
            Recipients = recipients,
            Purpose = purpose ?? string.Empty,
            LawfulBasis = basis,
            Gateway = gateway?.Id,
            Consent = consent,
            Fields = fields,
            Conditions = conditions,
            Pseudonymise = pseudonymise,
            Obligations = YamlAgreementReader.ReadObligations(read, map, where),
            SmallNumbers = _smallNumbers.Read(map, where, permit, eventTypes),
            Location = read.At(map),
        };
    }

    private AgencyCode? Agency(YamlMappingNode map, string key, string where)
    {
        var list = _agencies.Read(map, key, where, required: true, parties);
        if (list.Count > 1)
        {
            read.Error(NodeReader.Node(map, key)!, $"{where}: {key} must name exactly one agency");
        }

        return list.Count == 1 ? list[0] : null;
    }

    private List<EventTypeInfo> EventTypes(YamlMappingNode map, string where)
    {
        var types = new List<EventTypeInfo>();
        var entries = read.List(map, "eventTypes", where, required: true);
        if (entries.Count == 0 && NodeReader.Node(map, "eventTypes") is { } empty)
        {
            read.Error(empty, $"{where}: eventTypes names no event type");
        }

        foreach (var (value, node) in entries)
        {
            if (EventCatalogue.TryGet(value, out var info))
            {
                types.Add(info);
            }
            else
            {
                read.Error(node, $"{where}: event type '{value}' is not in the event catalogue", Suggestions.DidYouMean(value, EventCatalogue.All.Select(e => e.Name)));
            }
        }

        return types;
    }

    private string? Purpose(YamlMappingNode map, string where)
    {
        var purpose = read.Text(map, "purpose", where, required: true);
        if (purpose is not null && !Purposes.IsKnown(purpose))
        {
            read.Error(NodeReader.Node(map, "purpose")!, $"{where}: purpose '{purpose}' is not in the purpose vocabulary", Suggestions.DidYouMean(purpose, Purposes.All.Select(p => p.Id)));
        }

        return purpose;
    }

    private List<string> Fields(YamlMappingNode map, string key, List<EventTypeInfo> eventTypes, string where, bool required)
    {
        var known = eventTypes.SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal);
        var fields = new List<string>();
        foreach (var (value, node) in read.List(map, key, where, required))
        {
            if (eventTypes.Count > 0 && !known.Contains(value))
            {
                read.Error(node, $"{where}: field '{value}' does not exist on {string.Join(" or ", eventTypes.Select(e => e.Name))}", Suggestions.DidYouMean(value, known));
            }
            else
            {
                fields.Add(value);
            }
        }

        return fields;
    }

    private IReadOnlyList<(string Value, YamlNode Node)> PseudonymiseNodes(YamlMappingNode map) =>
        NodeReader.Node(map, "pseudonymise") is null ? [] : read.List(map, "pseudonymise", string.Empty, required: false);

    private Gateway? GatewayOf(YamlMappingNode map, string where, string? purpose)
    {
        var id = read.Text(map, "gateway", where, required: false);
        if (id is null)
        {
            return null;
        }

        var gateway = Gateways.Find(id);
        if (gateway is null)
        {
            read.Error(NodeReader.Node(map, "gateway")!, $"{where}: gateway '{id}' is not a known legal gateway", Suggestions.DidYouMean(id, Gateways.All.Select(g => g.Id)));
        }
        else if (purpose is not null && !gateway.PrescribedPurposes.Contains(purpose))
        {
            read.Error(NodeReader.Node(map, "purpose")!, $"{where}: purpose '{purpose}' is not one of the purposes {gateway.Id} prescribes ({string.Join(", ", gateway.PrescribedPurposes)})");
        }

        return gateway;
    }

    /// <summary>A gateway names who may receive under it: a flow to anyone else could never be lawful under it.</summary>
    private void GatewayServesRecipients(YamlMappingNode map, string where, Gateway? gateway, IReadOnlyList<AgencyCode> recipients)
    {
        if (gateway is null)
        {
            return;
        }

        foreach (var recipient in recipients)
        {
            if (participants.Find(recipient) is { } participant && !gateway.CanServe(participant))
            {
                read.Error(NodeReader.Node(map, "recipients")!, $"{where}: {gateway.Id} cannot serve recipient {recipient}: it lets only {gateway.DescribeRecipients()} receive data", "remove the recipient, or rely on another gateway or basis for it");
            }
        }
    }

    private ConsentRequirement Consent(YamlMappingNode map, string where, Gateway? gateway)
    {
        var text = read.Text(map, "consent", where, required: false) ?? "not-required";
        var consent = text switch
        {
            "required" => ConsentRequirement.Required,
            "not-required" => ConsentRequirement.NotRequired,
            "required-unless-gateway" => ConsentRequirement.RequiredUnlessGateway,
            _ => (ConsentRequirement?)null,
        };
        if (consent is null)
        {
            read.Error(NodeReader.Node(map, "consent")!, $"{where}: consent '{text}' is not one of {string.Join(", ", ConsentValues)}", Suggestions.DidYouMean(text, ConsentValues));
            return ConsentRequirement.Required;
        }

        if (consent == ConsentRequirement.RequiredUnlessGateway && gateway is null && NodeReader.Node(map, "gateway") is null)
        {
            read.Error(NodeReader.Node(map, "consent")!, $"{where}: consent is required-unless-gateway but the flow names no gateway");
        }

        if (consent == ConsentRequirement.Required && NodeReader.Node(map, "gateway") is not null)
        {
            read.Error(NodeReader.Node(map, "consent")!, $"{where}: a flow that needs both consent and a gateway can never apply (an event carries one or the other)", "use consent: required-unless-gateway, or drop the gateway");
        }

        return consent.Value;
    }
}
