using System.Text.RegularExpressions;
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
internal sealed partial class YamlFlowReader(NodeReader read, IReadOnlyList<AgencyCode> parties, ParticipantRegistry participants)
{
    private static readonly string[] FlowKeys = ["id", "effect", "source", "eventTypes", "recipients", "purpose", "lawfulBasis", "gateway", "consent", "fields", "conditions", "pseudonymise", "obligations"];
    private static readonly string[] BasisKeys = ["article6", "article9", "schedule1", "criminalOffence", "statement"];
    private static readonly string[] ConditionKeys = ["field", "equals", "in", "notIn", "exists"];
    private static readonly string[] ConsentValues = ["required", "not-required", "required-unless-gateway"];

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
        var recipients = Agencies(map, "recipients", where);
        var eventTypes = EventTypes(map, where);
        var purpose = Purpose(map, where);
        var permit = effect == FlowEffect.Permit;
        var fields = Fields(map, "fields", eventTypes, where, required: permit);
        var basis = Basis(map, where, permit, eventTypes, fields);
        var gateway = GatewayOf(map, where, purpose);
        var consent = Consent(map, where, gateway);
        if (permit)
        {
            ExplicitConsentIsRequired(map, where, basis, consent);
            AggregateNeedsNoFooting(map, where, eventTypes, consent);
        }

        var conditions = Conditions(map, eventTypes, where);
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
            Location = read.At(map),
        };
    }

    private AgencyCode? Agency(YamlMappingNode map, string key, string where)
    {
        var list = Agencies(map, key, where);
        if (list.Count > 1)
        {
            read.Error(NodeReader.Node(map, key)!, $"{where}: {key} must name exactly one agency");
        }

        return list.Count == 1 ? list[0] : null;
    }

    private List<AgencyCode> Agencies(YamlMappingNode map, string key, string where)
    {
        var codes = new List<AgencyCode>();
        var entries = read.List(map, key, where, required: true);
        if (entries.Count == 0 && NodeReader.Node(map, key) is { } empty)
        {
            read.Error(empty, $"{where}: {key} names no agency");
        }

        foreach (var (value, node) in entries)
        {
            if (!AgencyCode.TryParse(value, out var code) || !participants.Contains(code))
            {
                YamlAgreementReader.UnknownAgency(read, participants, node, where, value);
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

    private LawfulBasis Basis(YamlMappingNode map, string where, bool permit, List<EventTypeInfo> eventTypes, List<string> fields)
    {
        var node = NodeReader.Node(map, "lawfulBasis");
        if (read.Mapping(node, $"{where}: lawfulBasis") is not { } basisMap)
        {
            if (permit && node is null)
            {
                read.Error(map, $"{where} permits sharing without a lawfulBasis");
            }

            return LawfulBasis.None;
        }

        read.OnlyKeys(basisMap, "lawfulBasis", BasisKeys);
        var basis = new LawfulBasis
        {
            Article6 = Term(basisMap, "article6", LawfulBases.Article6, where, required: permit) ?? string.Empty,
            Article9 = Term(basisMap, "article9", LawfulBases.Article9, where, required: false),
            Schedule1 = Schedule(basisMap, "schedule1", where),
            CriminalOffence = Schedule(basisMap, "criminalOffence", where),
            Statement = read.Text(basisMap, "statement", where, required: false),
        };

        if (!permit)
        {
            return basis;
        }

        var health = fields.Where(f => eventTypes.Any(e => e.IsSpecialCategory(f))).ToList();
        if (health.Count > 0 && basis.Article9 is null)
        {
            read.Error(basisMap, $"{where} releases health data ({string.Join(", ", health)}) without an Art. 9 condition{(basis.Schedule1 is null ? " and a DPA 2018 Schedule 1 condition" : string.Empty)}", "add lawfulBasis.article9 and, unless it is explicit-consent, the lawfulBasis.schedule1 that goes with it");
        }
        else if (basis.Article9 is not null && LawfulBases.Article9.Any(t => t.Id == basis.Article9))
        {
            Schedule1Fits(basisMap, where, basis, health);
        }

        if (eventTypes.Any(e => e.Classification == DataClassification.CriminalOffence) && basis.CriminalOffence is null)
        {
            read.Error(basisMap, $"{where} shares criminal offence data without a DPA 2018 s10(5) condition", "add lawfulBasis.criminalOffence, e.g. sch1-part2-para6");
        }

        return basis;
    }

    /// <summary>
    /// DPA 2018 s10(2)-(3): Art. 9(2)(b), (g), (h), (i) and (j) need the Schedule 1 condition that supplies their law;
    /// (a) explicit consent, (c) vital interests and (f) legal claims need none, so one given with them is not relied on.
    /// </summary>
    private void Schedule1Fits(YamlMappingNode basisMap, string where, LawfulBasis basis, List<string> health)
    {
        var article9 = basis.Article9!;
        var meaning = LawfulBases.Article9.First(t => t.Id == article9).Meaning;
        var schedule1Node = NodeReader.Node(basisMap, "schedule1");
        if (!LawfulBases.Schedule1ForArticle9.TryGetValue(article9, out var need))
        {
            if (basis.Schedule1 is not null && schedule1Node is not null)
            {
                read.Warning(schedule1Node, $"{where}: {meaning} needs no DPA 2018 Schedule 1 condition, so schedule1 {basis.Schedule1} is not relied on", "remove lawfulBasis.schedule1, or choose the Art. 9 condition it goes with");
            }

            return;
        }

        if (basis.Schedule1 is null)
        {
            if (schedule1Node is null)
            {
                var message = health.Count > 0
                    ? $"{where} releases health data ({string.Join(", ", health)}) under {meaning} without a DPA 2018 Schedule 1 condition"
                    : $"{where}: {meaning} needs a DPA 2018 Schedule 1 condition and the flow names none";
                read.Error(basisMap, message, $"add lawfulBasis.schedule1: {need.Wording}");
            }

            return;
        }

        if (SchedulePattern().IsMatch(basis.Schedule1) && !need.IsMetBy(basis.Schedule1))
        {
            read.Error(schedule1Node!, $"{where}: schedule1 {basis.Schedule1} does not go with {meaning}, which needs {need.Wording}", $"use {need.Wording}, or the Art. 9 condition that {basis.Schedule1} goes with");
        }
    }

    /// <summary>Art. 9(2)(a) rests on the person's explicit consent, so a flow relying on it must check that consent at every decision.</summary>
    private void ExplicitConsentIsRequired(YamlMappingNode map, string where, LawfulBasis basis, ConsentRequirement consent)
    {
        if (basis.Article9 != LawfulBases.ExplicitConsent || consent == ConsentRequirement.Required)
        {
            return;
        }

        var consentNode = NodeReader.Node(map, "consent");
        var at = consentNode ?? (NodeReader.Node(map, "lawfulBasis") is YamlMappingNode basisMap ? NodeReader.Node(basisMap, "article9") : null) ?? map;
        if (consent == ConsentRequirement.RequiredUnlessGateway)
        {
            read.Error(at, $"{where} relies on Art. 9(2)(a) explicit consent but consent is required-unless-gateway, so under the gateway it would release special category data without the consent it relies on", "set consent: required and remove the gateway, or rely on another Art. 9 condition with its Schedule 1 condition");
        }
        else
        {
            read.Error(at, $"{where} relies on Art. 9(2)(a) explicit consent but does not require consent (consent is not-required{(consentNode is null ? " by default" : string.Empty)})", "add consent: required, or rely on another Art. 9 condition with its Schedule 1 condition");
        }
    }

    /// <summary>
    /// An aggregate-non-personal event carries neither a consent reference nor a gateway (the router refuses one that
    /// does), so a permit for aggregate events only that needs either can never apply.
    /// </summary>
    private void AggregateNeedsNoFooting(YamlMappingNode map, string where, List<EventTypeInfo> eventTypes, ConsentRequirement consent)
    {
        if (eventTypes.Count == 0 || eventTypes.Any(e => e.Classification != DataClassification.AggregateNonPersonal))
        {
            return;
        }

        var types = string.Join(" and ", eventTypes.Select(e => e.Name));
        if (consent != ConsentRequirement.NotRequired && NodeReader.Node(map, "consent") is { } consentNode)
        {
            read.Error(consentNode, $"{where}: {types} is aggregate-non-personal, so its events carry no consent reference and a flow that requires consent can never apply", "remove consent: aggregate data needs none");
        }
        else if (NodeReader.Node(map, "gateway") is { } gatewayNode)
        {
            read.Error(gatewayNode, $"{where}: {types} is aggregate-non-personal, so its events assert no gateway and a flow that relies on one can never apply", "remove gateway: aggregate data needs none");
        }
    }

    private string? Term(YamlMappingNode map, string key, IReadOnlyList<Term> terms, string where, bool required)
    {
        var value = read.Text(map, key, $"{where}: lawfulBasis", required);
        if (value is not null && terms.All(t => t.Id != value))
        {
            read.Error(NodeReader.Node(map, key)!, $"{where}: {key} '{value}' is not one of {string.Join(", ", terms.Select(t => t.Id))}", Suggestions.DidYouMean(value, terms.Select(t => t.Id)));
        }

        return value;
    }

    private string? Schedule(YamlMappingNode map, string key, string where)
    {
        var value = read.Text(map, key, $"{where}: lawfulBasis", required: false);
        if (value is not null && !SchedulePattern().IsMatch(value))
        {
            read.Error(NodeReader.Node(map, key)!, $"{where}: {key} '{value}' is not a DPA 2018 Schedule 1 condition written as sch1-partN-paraM");
        }

        return value;
    }

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

    private List<FieldCondition> Conditions(YamlMappingNode map, List<EventTypeInfo> eventTypes, string where)
    {
        var conditions = new List<FieldCondition>();
        if (NodeReader.Node(map, "conditions") is not { } node)
        {
            return conditions;
        }

        if (node is not YamlSequenceNode sequence)
        {
            read.Error(node, $"{where}: conditions must be a list");
            return conditions;
        }

        var known = eventTypes.SelectMany(e => e.Fields).Where(f => !f.StartsWith("subject.", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in sequence)
        {
            if (read.Mapping(entry, $"{where}: a condition") is not { } condition)
            {
                continue;
            }

            read.OnlyKeys(condition, "a condition", ConditionKeys);
            var field = read.Text(condition, "field", $"{where}: a condition", required: true);
            if (field is not null && eventTypes.Count > 0 && !known.Contains(field))
            {
                read.Error(NodeReader.Node(condition, "field")!, $"{where}: condition field '{field}' does not exist on {string.Join(" or ", eventTypes.Select(e => e.Name))}", Suggestions.DidYouMean(field, known));
            }

            var tests = ConditionKeys.Skip(1).Where(k => NodeReader.Node(condition, k) is not null).ToList();
            if (tests.Count != 1)
            {
                read.Error(condition, $"{where}: a condition needs exactly one of equals, in, notIn or exists");
                continue;
            }

            var (op, values) = tests[0] switch
            {
                "equals" => (ConditionOperator.EqualTo, read.List(condition, "equals", where, required: true)),
                "in" => (ConditionOperator.In, read.List(condition, "in", where, required: true)),
                "notIn" => (ConditionOperator.NotIn, read.List(condition, "notIn", where, required: true)),
                _ => (ConditionOperator.Exists, read.List(condition, "exists", where, required: true)),
            };
            var texts = values.Select(v => v.Value is "True" or "TRUE" or "False" or "FALSE" ? v.Value.ToLowerInvariant() : v.Value).ToList();
            var shapeError = op switch
            {
                ConditionOperator.EqualTo when texts.Count != 1 => "equals takes exactly one value",
                ConditionOperator.In or ConditionOperator.NotIn when texts.Count == 0 => $"{tests[0]} needs at least one value",
                ConditionOperator.Exists when texts is not ["true"] and not ["false"] => "exists takes true or false",
                _ => null,
            };
            if (shapeError is not null)
            {
                read.Error(NodeReader.Node(condition, tests[0])!, $"{where}: condition on {field}: {shapeError}");
            }
            else if (field is not null)
            {
                conditions.Add(new FieldCondition(field, op, texts));
            }
        }

        return conditions;
    }

    [GeneratedRegex(LawfulBases.Schedule1Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SchedulePattern();
}
