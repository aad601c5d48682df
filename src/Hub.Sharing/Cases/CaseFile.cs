using System.Globalization;
using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Agreements.Yaml;
using Hub.Sharing.Consent;
using Hub.Sharing.Disclosure;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Cases;

/// <summary>
/// Reads IG-authored case files: a <c>cases:</c> list, or a single case (as <c>hub rules explain --event</c> takes).
/// Each case: name, source, type, at, event (the event as its contract JSON, written in YAML), consents, expect.
/// An event the router would refuse (malformed envelope, claimed source ≠ source) is an error here too.
/// </summary>
public static class CaseFile
{
    private static readonly string[] CaseKeys = ["name", "source", "type", "at", "event", "consents", "expect"];
    private static readonly string[] ConsentKeys = ["id", "purposes", "recipients", "given", "expires", "withdrawn"];
    private static readonly string[] ExpectKeys = ["decision", "fields", "reason"];

    public static (IReadOnlyList<ShareCase> Cases, IReadOnlyList<AgreementDiagnostic> Diagnostics) Read(string file, string text)
    {
        var diagnostics = new List<AgreementDiagnostic>();
        var read = new NodeReader(file, diagnostics);
        var cases = new List<ShareCase>();
        var root = YamlDocumentLoader.Load(file, text, diagnostics);
        if (diagnostics.Count > 0)
        {
            return (cases, diagnostics);
        }

        IEnumerable<YamlNode> entries = root switch
        {
            YamlMappingNode map when NodeReader.Node(map, "cases") is YamlSequenceNode list => list,
            YamlMappingNode single => [single],
            _ => [],
        };
        foreach (var entry in entries)
        {
            if (read.Mapping(entry, "a case") is { } map && ReadCase(read, map) is { } shareCase)
            {
                cases.Add(shareCase);
            }
        }

        if (cases.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(new AgreementDiagnostic(file, 1, 1, "file holds no cases"));
        }

        YamlDocumentLoader.CapErrors(diagnostics, 0, file);

        return (cases, diagnostics);
    }

    private static ShareCase? ReadCase(NodeReader read, YamlMappingNode map)
    {
        read.OnlyKeys(map, "a case", CaseKeys);
        var name = read.Text(map, "name", "a case", required: false) ?? $"case at line {map.Start.Line}";
        var typeName = read.Text(map, "type", name, required: true);
        var at = Time(read, map, "at", name, required: true);
        if (typeName is null || at is null)
        {
            return null;
        }

        if (!EventCatalogue.TryGet(typeName, out var info))
        {
            read.Error(NodeReader.Node(map, "type")!, $"{name}: event type '{typeName}' is not in the event catalogue", Suggestions.DidYouMean(typeName, EventCatalogue.All.Select(e => e.Name)));
            return null;
        }

        if (NodeReader.Node(map, "event") is not YamlMappingNode eventNode)
        {
            read.Error(map, $"{name} has no event");
            return null;
        }

        if (YamlJson.FirstComplexKey(eventNode) is { } complexKey)
        {
            read.Error(complexKey, $"{name}: event keys must be field names, not lists or mappings");
            return null;
        }

        IShareableEvent? @event;
        try
        {
            @event = (IShareableEvent?)JsonSerializer.Deserialize(YamlJson.ToJson(eventNode), info.ClrType, ContractJson.Options);
        }
        catch (JsonException ex)
        {
            read.Error(eventNode, $"{name}: event is not a valid {typeName}: {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A contract type's own checks: the type of failure is safe to show, its message may quote the value.
            read.Error(eventNode, $"{name}: event is not a valid {typeName} ({ex.GetType().Name})");
            return null;
        }

        if (@event?.Envelope is null)
        {
            read.Error(eventNode, $"{name}: event has no envelope");
            return null;
        }

        var problems = @event.Envelope.Validate();
        foreach (var problem in problems)
        {
            read.Error(Where(eventNode, problem), $"{name}: the router would refuse this event: {problem}");
        }

        if (@event.Envelope.Classification == DataClassification.AggregateNonPersonal || info.Classification == DataClassification.AggregateNonPersonal)
        {
            var findings = AggregateDisclosure.Scan(JsonSerializer.SerializeToElement(@event, info.ClrType, ContractJson.Options));
            if (findings.Count > 0)
            {
                read.Error(eventNode, $"{name}: the router would refuse this event ({AggregateDisclosure.RejectionCode}): {AggregateDisclosure.Describe(findings)}");
                problems = [.. problems, AggregateDisclosure.RejectionCode];
            }
        }

        var sourceText = read.Text(map, "source", name, required: false);
        var source = @event.Envelope.Source;
        if (sourceText is not null && (!AgencyCode.TryParse(sourceText, out source) || source != @event.Envelope.Source))
        {
            read.Error(NodeReader.Node(map, "source")!, $"{name}: source '{sourceText}' differs from envelope.source '{@event.Envelope.Source}': the router would refuse it as forged");
            return null;
        }

        var consents = Consents(read, map, name);
        var expect = Expectations(read, map, name);
        return problems.Count > 0 || consents is null || expect is null ? null : new ShareCase
        {
            Name = name,
            Source = source,
            Event = @event,
            At = at.Value,
            Consents = consents,
            Expect = expect,
            Location = read.At(map),
        };
    }

    /// <summary>
    /// The deepest node of the field a problem names ("envelope.consent.legalGateway …", "subject.nino …"), so the IG
    /// lead is pointed at the line to change; the event itself when the field is absent or not named.
    /// </summary>
    private static YamlNode Where(YamlNode eventNode, string problem)
    {
        var path = problem.Split(' ', 2)[0].Split('.');
        if (path[0] == "subject")
        {
            path = ["envelope", .. path];
        }

        var node = eventNode;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || NodeReader.Node(map, key) is not { } child)
            {
                break;
            }

            node = child;
        }

        return node;
    }

    private static List<ConsentState>? Consents(NodeReader read, YamlMappingNode map, string name)
    {
        var consents = new List<ConsentState>();
        if (NodeReader.Node(map, "consents") is not YamlSequenceNode list)
        {
            return consents;
        }

        var ok = true;
        foreach (var entry in list)
        {
            if (read.Mapping(entry, $"{name}: a consent") is not { } consent)
            {
                ok = false;
                continue;
            }

            read.OnlyKeys(consent, "a consent", ConsentKeys);
            var id = read.Text(consent, "id", $"{name}: a consent", required: true);
            var given = Time(read, consent, "given", $"{name}: consent {id}", required: true);
            var recipients = new List<AgencyCode>();
            foreach (var (value, node) in read.List(consent, "recipients", name, required: false))
            {
                if (AgencyCode.TryParse(value, out var code))
                {
                    recipients.Add(code);
                }
                else
                {
                    read.Error(node, $"{name}: consent recipient '{value}' is not an agency code");
                    ok = false;
                }
            }

            if (id is null || given is null)
            {
                ok = false;
                continue;
            }

            consents.Add(new ConsentState(
                id,
                [.. read.List(consent, "purposes", $"{name}: consent {id}", required: true).Select(p => p.Value)],
                recipients,
                given.Value,
                Time(read, consent, "expires", $"{name}: consent {id}", required: false),
                Time(read, consent, "withdrawn", $"{name}: consent {id}", required: false)));
        }

        return ok ? consents : null;
    }

    private static Dictionary<AgencyCode, ExpectedDecision>? Expectations(NodeReader read, YamlMappingNode map, string name)
    {
        var expect = new Dictionary<AgencyCode, ExpectedDecision>();
        if (read.Mapping(NodeReader.Node(map, "expect"), $"{name}: expect") is not { } expectations)
        {
            return expect;
        }

        foreach (var (key, value) in expectations.Children)
        {
            var recipientText = (key as YamlScalarNode)?.Value;
            if (recipientText is null || !AgencyCode.TryParse(recipientText, out var recipient))
            {
                read.Error(key, recipientText is null ? $"{name}: each key under expect must be an agency code" : $"{name}: '{recipientText}' is not an agency code");
                return null;
            }

            if (read.Mapping(value, $"{name}: expect {recipient}") is not { } one)
            {
                return null;
            }

            read.OnlyKeys(one, $"expect {recipient}", ExpectKeys);
            var decision = read.Text(one, "decision", $"{name}: expect {recipient}", required: true);
            if (decision is not ("allow" or "deny"))
            {
                read.Error(NodeReader.Node(one, "decision") ?? one, $"{name}: expect {recipient}: decision must be allow or deny");
                return null;
            }

            IReadOnlyList<string>? fields = NodeReader.Node(one, "fields") is null ? null : [.. read.List(one, "fields", name, required: false).Select(f => f.Value)];
            expect[recipient] = new ExpectedDecision(decision == "allow", fields, read.Text(one, "reason", name, required: false));
        }

        return expect;
    }

    private static DateTimeOffset? Time(NodeReader read, YamlMappingNode map, string key, string where, bool required)
    {
        var text = read.Text(map, key, where, required);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        read.Error(NodeReader.Node(map, key)!, $"{where}: {key} '{text}' is not a date-time such as 2026-11-23T10:00:00Z");
        return null;
    }
}
