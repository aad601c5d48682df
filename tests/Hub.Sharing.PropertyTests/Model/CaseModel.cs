using System.Globalization;
using System.Text;

namespace Hub.Sharing.PropertyTests.Model;

/// <summary>
/// One generated test case as plain data: an agreement set, an event, its consent tag, the subject's consents,
/// the candidate recipients and the decision time. Everything else (YAML files, event JSON, the engine's
/// request) is rendered from it, so shrinking works on this model and failures print as readable agreements.
/// </summary>
public sealed record CaseModel(
    IReadOnlyList<AgreementModel> Agreements,
    EventModel Event,
    string? ConsentRef,
    string? LegalGateway,
    string DeclaredPurpose,
    IReadOnlyList<ConsentModel> Consents,
    IReadOnlyList<string> Candidates,
    DecisionTimeModel Time)
{
    /// <summary>The date the agreement files are linted and loaded on; every case decides later than this.</summary>
    public static readonly DateOnly LoadDay = new(2026, 1, 1);

    /// <summary>Agreement dates are written as day offsets from this local date, the decision's local date.</summary>
    public static readonly DateOnly BaseDay = new(2026, 6, 15);

    public DateTimeOffset DecisionTime => Time.ToDateTimeOffset();

    public IReadOnlyList<(string Name, string Text)> Files() =>
        [.. Agreements.Select((a, i) => ($"g{i + 1:00}-{a.Id.ToLowerInvariant()}.yaml", a.ToYaml()))];

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine($"=== {Agreements.Count} agreement file(s), loaded on {LoadDay:yyyy-MM-dd} ===");
        foreach (var (name, yaml) in Files())
        {
            text.AppendLine($"--- {name}").Append(yaml);
        }

        text.AppendLine("=== request ===")
            .AppendLine($"source: {Event.Source}, eventType: {Event.EventType}, candidates: [{string.Join(", ", Candidates)}]")
            .AppendLine($"decisionTime: {DecisionTime:yyyy-MM-ddTHH:mm:sszzz} (UTC {DecisionTime.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z)")
            .AppendLine($"consentTag: consentRef={ConsentRef ?? "null"}, legalGateway={LegalGateway ?? "null"}, collectionPurpose={DeclaredPurpose}")
            .AppendLine($"event: {Event.ToJson()}")
            .AppendLine($"consents ({Consents.Count}):");
        foreach (var consent in Consents)
        {
            text.AppendLine("  " + consent.Describe(DecisionTime));
        }

        return text.ToString();
    }
}

/// <summary>Decision time: the base local date at a time of day, in a UTC offset (so the UTC date may differ).</summary>
public sealed record DecisionTimeModel(int SecondOfDay, int OffsetHours)
{
    public DateTimeOffset ToDateTimeOffset() =>
        new DateTimeOffset(CaseModel.BaseDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(OffsetHours)).AddSeconds(SecondOfDay);
}

public sealed record AgreementModel(
    string Id,
    int Version,
    string Status,
    int EffectiveDay,
    int? ReviewDay,
    int? ExpiresDay,
    IReadOnlyList<FlowModel> Flows)
{
    public static DateOnly Day(int offset) => CaseModel.BaseDay.AddDays(offset);

    public string ToYaml()
    {
        var y = new StringBuilder();
        y.AppendLine($"id: {Id}")
            .AppendLine($"title: Generated agreement {Id}")
            .AppendLine(CultureInfo.InvariantCulture, $"version: {Version}")
            .AppendLine($"status: {Status}")
            .AppendLine($"effective: {Day(EffectiveDay):yyyy-MM-dd}");
        if (ReviewDay is { } review)
        {
            y.AppendLine($"review: {Day(review):yyyy-MM-dd}");
        }

        if (ExpiresDay is { } expires)
        {
            y.AppendLine($"expires: {Day(expires):yyyy-MM-dd}");
        }

        y.AppendLine("flows:");
        foreach (var flow in Flows)
        {
            flow.AppendYaml(y);
        }

        return y.ToString();
    }
}

public enum Effect
{
    Permit,
    Forbid,
}

public enum ConsentNeed
{
    NotRequired,
    Required,
    RequiredUnlessGateway,
}

public enum Op
{
    EqualTo,
    In,
    NotIn,
    Exists,
}

public sealed record ConditionModel(string Field, Op Op, IReadOnlyList<string> Values)
{
    public string ToYaml() => Op switch
    {
        Op.EqualTo => $"{{ field: {Field}, equals: {Quote(Values[0])} }}",
        Op.In => $"{{ field: {Field}, in: [{string.Join(", ", Values.Select(Quote))}] }}",
        Op.NotIn => $"{{ field: {Field}, notIn: [{string.Join(", ", Values.Select(Quote))}] }}",
        _ => $"{{ field: {Field}, exists: {Values[0]} }}",
    };

    private static string Quote(string value) => $"\"{value}\"";
}

public sealed record FlowModel(
    string Id,
    Effect Effect,
    string Source,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<string> Recipients,
    string Purpose,
    string? Gateway,
    ConsentNeed Consent,
    IReadOnlyList<string> Fields,
    IReadOnlyList<ConditionModel> Conditions,
    IReadOnlyList<string> Pseudonymise,
    bool FullBasis)
{
    public bool IsPermit => Effect == Effect.Permit;

    public void AppendYaml(StringBuilder y)
    {
        y.AppendLine($"  - id: {Id}");
        if (Effect == Effect.Forbid)
        {
            y.AppendLine("    effect: forbid");
        }

        y.AppendLine($"    source: {Source}")
            .AppendLine($"    eventTypes: [{string.Join(", ", EventTypes)}]")
            .AppendLine($"    recipients: [{string.Join(", ", Recipients)}]")
            .AppendLine($"    purpose: {Purpose}");
        if (IsPermit)
        {
            y.AppendLine("    lawfulBasis:").AppendLine("      article6: public-task");
            if (FullBasis)
            {
                y.AppendLine("      article9: health-or-social-care").AppendLine("      schedule1: sch1-part1-para2");
            }

            y.AppendLine("      criminalOffence: sch1-part2-para6");
        }

        if (Gateway is not null)
        {
            y.AppendLine($"    gateway: {Gateway}");
        }

        if (Consent != ConsentNeed.NotRequired)
        {
            y.AppendLine($"    consent: {(Consent == ConsentNeed.Required ? "required" : "required-unless-gateway")}");
        }

        if (IsPermit || Fields.Count > 0)
        {
            y.AppendLine($"    fields: [{string.Join(", ", Fields)}]");
        }

        if (Conditions.Count > 0)
        {
            y.AppendLine("    conditions:");
            foreach (var condition in Conditions)
            {
                y.AppendLine($"      - {condition.ToYaml()}");
            }
        }

        if (Pseudonymise.Count > 0)
        {
            y.AppendLine($"    pseudonymise: [{string.Join(", ", Pseudonymise)}]");
        }
    }
}

/// <summary>A value as raw JSON text: <c>"a"</c>, <c>1</c>, <c>true</c> or <c>null</c>.</summary>
public sealed record FieldValue(string Name, string Json)
{
    public bool IsPresent => Json != "null";

    /// <summary>The text a condition compares with: a string's value, otherwise the raw JSON.</summary>
    public string Text => Json.StartsWith('"') ? Json[1..^1] : Json;
}

/// <summary>
/// The event: top-level fields, subject identifiers (under <c>envelope.subject</c>) and, when <see cref="Junk"/>
/// is set, a top-level property and a subject identifier that no catalogue event type has, which must never leave.
/// </summary>
public sealed record EventModel(
    string Source,
    string EventType,
    IReadOnlyList<FieldValue> Fields,
    IReadOnlyList<FieldValue> Subject,
    bool Junk)
{
    public const string JunkField = "zzInternalNote";
    public const string JunkIdentifier = "zzPassportNumber";

    public IEnumerable<FieldValue> TopLevel => Junk ? Fields.Append(new FieldValue(JunkField, "\"secret\"")) : Fields;

    public IEnumerable<FieldValue> Identifiers => Junk ? Subject.Append(new FieldValue(JunkIdentifier, "\"P123\"")) : Subject;

    /// <summary>Fields carrying a value, named as agreements name them.</summary>
    public IReadOnlySet<string> ExpectedPresentFields() =>
        TopLevel.Where(f => f.IsPresent).Select(f => f.Name)
            .Concat(Identifiers.Where(f => f.IsPresent).Select(f => "subject." + f.Name))
            .ToHashSet(StringComparer.Ordinal);

    public FieldValue? Find(string field) => TopLevel.FirstOrDefault(f => f.Name == field);

    public string ToJson()
    {
        var subject = string.Join(",", Identifiers.Select(f => $"\"{f.Name}\":{f.Json}"));
        var envelope = $"\"envelope\":{{\"eventId\":\"7f0c6a52-3f3e-4d8e-9d1c-2a4b5c6d7e8f\",\"source\":\"{Source}\",\"subject\":{{{subject}}},\"consent\":{{\"collectionPurpose\":\"offender-management\"}}}}";
        return "{" + string.Join(",", TopLevel.Select(f => $"\"{f.Name}\":{f.Json}").Prepend(envelope)) + "}";
    }
}

/// <summary>A consent record; times are seconds from the decision time (negative: before it).</summary>
public sealed record ConsentModel(
    string Id,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> Recipients,
    long GivenSeconds,
    long? ExpiresSeconds,
    long? WithdrawnSeconds)
{
    public string Describe(DateTimeOffset at) =>
        $"{Id}: purposes [{string.Join(", ", Purposes)}], recipients [{string.Join(", ", Recipients)}]{(Recipients.Count == 0 ? " (any)" : string.Empty)}, " +
        $"given {Show(at, GivenSeconds)}, expires {(ExpiresSeconds is { } e ? Show(at, e) : "never")}, withdrawn {(WithdrawnSeconds is { } w ? Show(at, w) : "never")}";

    private static string Show(DateTimeOffset at, long seconds) =>
        $"{at.AddSeconds(seconds).UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z (decision {(seconds >= 0 ? "+" : "-")}{Math.Abs(seconds)}s)";
}
