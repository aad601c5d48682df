using FsCheck;
using FsCheck.Fluent;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Sharing.Participants;
using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.PropertyTests.Model;

/// <summary>
/// Generators for <see cref="CaseModel"/>. Each case is centred on one (source, event type) pair, and most flows
/// name that pair, so that permits, forbids, conditions and consents meet the event often enough to matter.
/// Almost every case is a valid agreement set; a few are not, on purpose (expiry on the effective date, an active
/// agreement that expired before the load date, health data without an Art. 9 condition), so that filtering has work.
/// </summary>
public static class CaseGenerators
{
    public static readonly string[] Agencies = ["police", "probation", "jcp", "nhs", "council"];

    /// <summary>A small pool of purposes, so that consents and flows meet; some are prescribed by gateways, one by none.</summary>
    public static readonly string[] PurposePool = ["offender-management", "safeguarding", "continuity-of-care", "adult-social-care", "law-enforcement", "employment-support", "homelessness-application", "troubled-families"];

    /// <summary>Values conditions test for and events carry, as condition text.</summary>
    public static readonly string[] ConditionValues = ["a", "b", "c", "1", "2", "true", "false"];

    public static readonly string[] ConsentIds = ["C-1", "C-2", "C-3"];

    private static readonly string[] EventTypeNames = [.. EventCatalogue.All.Select(e => e.Name).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> FieldsOf(string eventType) => EventCatalogue.TryGet(eventType, out var info) ? info.Fields : [];

    public static bool IsSubject(string field) => field.StartsWith("subject.", StringComparison.Ordinal);

    /// <summary>Any case: permits with and without consent, forbids, conditions, gateways.</summary>
    public static Gen<CaseModel> Cases() => CaseGen(consentOnEveryPermit: false);

    /// <summary>Cases whose every permit flow says <c>consent: required</c>.</summary>
    public static Gen<CaseModel> ConsentCases() => CaseGen(consentOnEveryPermit: true);

    public static Arbitrary<CaseModel> Arbitrary(Gen<CaseModel> gen) => Arb.From(gen, CaseShrinker.Shrink);

    private static Gen<CaseModel> CaseGen(bool consentOnEveryPermit) =>
        from source in Gen.Elements(Agencies)
        from eventType in Gen.Elements(EventTypeNames)
        from @event in EventGen(source, eventType)
        from count in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Constant(2)), (3, Gen.Constant(3)), (2, Gen.Constant(4)))
        from generated in Gen.CollectToArray(Enumerable.Range(1, count), i => AgreementGen(i, source, eventType, consentOnEveryPermit))
        from agreements in Gen.Frequency((3, Gen.Constant(generated)), (2, WithForbidShadowingAPermit(generated)))
        from consentRef in Gen.Frequency((2, Gen.Constant<string?>(null)), (14, Gen.Elements<string?>(ConsentIds)), (1, Gen.Constant<string?>("C-9")), (1, Gen.Constant<string?>(" ")))
        from gateway in GatewayGen(agreements)
        from declared in DeclaredPurposeGen(gateway, agreements)
        from consents in ConsentsGen([.. agreements.SelectMany(a => a.Flows).Where(f => f.IsPermit).Select(f => f.Purpose).Distinct()])
        from candidates in Gen.Frequency((6, Gen.Shuffle(Agencies)), (4, SubsetOf(Agencies, 1, 4)))
        from time in TimeGen()
        select new CaseModel(agreements, @event, consentRef, gateway, declared, consents, candidates, time);

    /// <summary>The gateway the event asserts: none, any, or one a permit relies on (so gateway rules are exercised).</summary>
    private static Gen<string?> GatewayGen(AgreementModel[] agreements)
    {
        var relied = agreements.SelectMany(a => a.Flows).Select(f => f.Gateway).OfType<string>().Distinct().ToArray();
        var any = Gen.Elements<string?>([.. Gateways.All.Select(g => g.Id)]);
        return relied.Length == 0
            ? Gen.Frequency((3, Gen.Constant<string?>(null)), (1, any))
            : Gen.Frequency((3, Gen.Constant<string?>(null)), (1, any), (2, Gen.Elements<string?>(relied)));
    }

    /// <summary>The purpose the event declares: often a permit's purpose or one its gateway prescribes, sometimes any.</summary>
    private static Gen<string> DeclaredPurposeGen(string? gateway, AgreementModel[] agreements)
    {
        var permitPurposes = agreements.SelectMany(a => a.Flows).Where(f => f.IsPermit).Select(f => f.Purpose).Distinct().ToArray();
        // A gateway's prescribed purposes that flows can carry: the event then fits one permit's purpose but maybe not another's.
        var prescribed = Gateways.Find(gateway)?.PrescribedPurposes.Intersect(PurposePool).ToArray() ?? [];
        var choices = new List<(int, Gen<string>)> { (2, Gen.Elements(PurposePool)) };
        if (permitPurposes.Length > 0)
        {
            choices.Add((3, Gen.Elements(permitPurposes)));
        }

        if (prescribed.Length > 0)
        {
            choices.Add((3, Gen.Elements(prescribed)));
        }

        return Gen.Frequency([.. choices]);
    }

    private static Gen<T[]> SubsetOf<T>(T[] items, int min, int max) =>
        from count in Gen.Choose(Math.Min(min, items.Length), Math.Min(max, items.Length))
        from shuffled in Gen.Shuffle(items)
        select shuffled[..count];

    private static Gen<string[]> Empty() => Gen.Constant(Array.Empty<string>());

    private static Gen<DecisionTimeModel> TimeGen() =>
        from second in Gen.Frequency((3, Gen.Choose(0, 86_399)), (1, Gen.Choose(0, 120)), (1, Gen.Choose(86_280, 86_399)))
        from offset in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(-5)), (1, Gen.Constant(10)), (1, Gen.Constant(-11)), (1, Gen.Constant(14)))
        select new DecisionTimeModel(second, offset);

    private static Gen<EventModel> EventGen(string source, string eventType)
    {
        var fields = FieldsOf(eventType).Where(f => !IsSubject(f)).ToArray();
        var identifiers = FieldsOf(eventType).Where(IsSubject).Select(f => f["subject.".Length..]).ToArray();
        var value = Gen.Frequency(
            (3, Gen.Constant("\"a\"")), (2, Gen.Constant("\"b\"")), (1, Gen.Constant("\"c\"")), (1, Gen.Constant("1")),
            (1, Gen.Constant("2")), (1, Gen.Constant("true")), (1, Gen.Constant("false")), (1, Gen.Constant("null")));
        var identifier = Gen.Frequency((9, Gen.Constant("\"X-1\"")), (1, Gen.Constant("null")));
        return from top in Gen.CollectToArray(fields, f => Gen.Frequency((4, Gen.Constant<FieldValue?>(null)), (6, value.Select(v => (FieldValue?)new FieldValue(f, v)))))
               from subject in Gen.CollectToArray(identifiers, f => Gen.Frequency((1, Gen.Constant<FieldValue?>(null)), (1, identifier.Select(v => (FieldValue?)new FieldValue(f, v)))))
               from junk in Gen.Elements(true, false)
               select new EventModel(source, eventType, [.. top.OfType<FieldValue>()], [.. subject.OfType<FieldValue>()], junk);
    }

    private static Gen<AgreementModel> AgreementGen(int index, string source, string eventType, bool consentOnEveryPermit) =>
        from flowCount in Gen.Frequency((5, Gen.Constant(1)), (4, Gen.Constant(2)), (2, Gen.Constant(3)))
        from flows in Gen.CollectToArray(Enumerable.Range(1, flowCount), j => FlowGen($"F{j}", source, eventType, consentOnEveryPermit))
        from status in Gen.Frequency((27, Gen.Constant("active")), (1, Gen.Constant("draft")), (1, Gen.Constant("suspended")), (1, Gen.Constant("retired")))
        from dates in DatesGen()
        from version in Gen.Choose(1, 3)
        select new AgreementModel($"DSA-G{index}", version, status, dates.Effective, dates.Review, dates.Expires, flows);

    /// <summary>Dates as day offsets from the decision's local date: mostly in force, often on a boundary, about 1 in 80 invalid.</summary>
    private static Gen<(int Effective, int? Review, int? Expires)> DatesGen()
    {
        var effective = Gen.Frequency((15, Gen.Choose(-160, -2)), (1, Gen.Constant(-1)), (1, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Choose(2, 30)));
        var target = Gen.Frequency((12, Gen.Choose(3, 400)), (1, Gen.Constant(-1)), (1, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (2, Gen.Choose(-150, -2)));
        var valid =
            from eff in effective
            from expires in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, target.Select(t => (int?)Math.Max(t, eff + 1))))
            from review in Gen.Frequency((8, Gen.Constant<int?>(null)), (2, Gen.Constant<int?>(eff + 1)))
            select (eff, review, expires);
        var invalid = Gen.Elements<(int, int?, int?)>(
            (0, null, 0),       // expires on its effective date
            (-300, null, -250)); // expired before the load date: an error only while active
        return Gen.Frequency((79, valid), (1, invalid));
    }

    private static Gen<FlowModel> FlowGen(string id, string caseSource, string caseEventType, bool consentOnEveryPermit) =>
        from effect in Gen.Frequency((3, Gen.Constant(Effect.Permit)), (1, Gen.Constant(Effect.Forbid)))
        from source in Gen.Frequency((3, Gen.Constant(caseSource)), (1, Gen.Elements(Agencies)))
        from other in Gen.Elements(EventTypeNames)
        from eventTypes in Gen.Frequency((6, Gen.Constant<string[]>([caseEventType])), (2, Gen.Constant<string[]>([.. new[] { caseEventType, other }.Distinct()])), (2, Gen.Constant<string[]>([other])))
        from recipients in SubsetOf(Agencies, 1, 3)
        from purpose in Gen.Elements(PurposePool)
        from gateway in effect == Effect.Permit && !consentOnEveryPermit ? GatewayFor(purpose, recipients) : Gen.Constant<string?>(null)
        from consent in ConsentNeedGen(effect, gateway, consentOnEveryPermit)
        from fields in FieldsGen(effect, eventTypes)
        from conditionCount in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from conditions in Gen.CollectToArray(Enumerable.Range(0, conditionCount), _ => ConditionGen(eventTypes))
        from pseudonymise in fields.Length == 0 ? Empty() : Gen.Frequency((8, Empty()), (2, SubsetOf(fields, 1, 2)))
        from fullBasis in Gen.Frequency((99, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new FlowModel(id, effect, source, eventTypes, recipients, purpose, gateway, consent, fields, [.. conditions.OfType<ConditionModel>()], pseudonymise, fullBasis);

    /// <summary>A gateway that prescribes the purpose and can serve every recipient (lint refuses any other).</summary>
    private static Gen<string?> GatewayFor(string purpose, string[] recipients)
    {
        var fitting = Gateways.All
            .Where(g => g.PrescribedPurposes.Contains(purpose) && recipients.All(r => ParticipantRegistry.WellKnownOnly.Find(new AgencyCode(r)) is { } p && g.CanServe(p)))
            .Select(g => (string?)g.Id).ToArray();
        return fitting.Length == 0 ? Gen.Constant<string?>(null) : Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(fitting)));
    }

    private static Gen<ConsentNeed> ConsentNeedGen(Effect effect, string? gateway, bool consentOnEveryPermit)
    {
        if (effect == Effect.Forbid)
        {
            return Gen.Constant(ConsentNeed.NotRequired);
        }

        if (consentOnEveryPermit)
        {
            return Gen.Constant(ConsentNeed.Required);
        }

        // Consent and a gateway together can never apply (an event carries one or the other): lint rejects it.
        return gateway is null
            ? Gen.Elements(ConsentNeed.NotRequired, ConsentNeed.Required)
            : Gen.Elements(ConsentNeed.NotRequired, ConsentNeed.RequiredUnlessGateway);
    }

    private static Gen<string[]> FieldsGen(Effect effect, string[] eventTypes)
    {
        var known = eventTypes.SelectMany(FieldsOf).Distinct().ToArray();
        return effect == Effect.Permit
            ? SubsetOf(known, 1, 8)
            : Gen.Frequency((3, Empty()), (1, SubsetOf(known, 1, 3)));
    }

    private static Gen<ConditionModel?> ConditionGen(string[] eventTypes)
    {
        var fields = eventTypes.SelectMany(FieldsOf).Where(f => !IsSubject(f)).Distinct().ToArray();
        if (fields.Length == 0)
        {
            return Gen.Constant<ConditionModel?>(null);
        }

        return from field in Gen.Elements(fields)
               from op in Gen.Elements(Op.EqualTo, Op.In, Op.NotIn, Op.Exists)
               from values in op switch
               {
                   Op.EqualTo => SubsetOf(ConditionValues, 1, 1),
                   Op.Exists => Gen.Elements<string[]>(["true"], ["false"]),
                   _ => SubsetOf(ConditionValues, 1, 3),
               }
               select (ConditionModel?)new ConditionModel(field, op, values);
    }

    /// <summary>
    /// Adds a forbid that names the same source, event types and recipients as one of the permits (sometimes under
    /// a condition), to an existing agreement or a new one: forbids rarely meet permits by chance alone.
    /// </summary>
    private static Gen<AgreementModel[]> WithForbidShadowingAPermit(AgreementModel[] agreements)
    {
        var permits = agreements.SelectMany(a => a.Flows).Where(f => f.IsPermit).ToArray();
        if (permits.Length == 0)
        {
            return Gen.Constant(agreements);
        }

        return from permit in Gen.Elements(permits)
               from condition in Gen.Frequency((2, Gen.Constant<ConditionModel?>(null)), (1, ConditionGen([.. permit.EventTypes])))
               from target in Gen.Choose(0, agreements.Length)
               from dates in DatesGen()
               select AddForbid(agreements, target, dates, permit with
               {
                   Effect = Effect.Forbid,
                   Purpose = "law-enforcement",
                   Gateway = null,
                   Consent = ConsentNeed.NotRequired,
                   Fields = [],
                   Pseudonymise = [],
                   Conditions = condition is null ? [] : [condition],
               });
    }

    private static AgreementModel[] AddForbid(AgreementModel[] agreements, int target, (int Effective, int? Review, int? Expires) dates, FlowModel forbid)
    {
        if (target < agreements.Length)
        {
            return [.. agreements.Select((a, i) => i == target ? a with { Flows = [.. a.Flows, forbid with { Id = $"F{a.Flows.Count + 1}" }] } : a)];
        }

        return [.. agreements, new AgreementModel($"DSA-G{agreements.Length + 1}", 1, "active", dates.Effective, dates.Review, dates.Expires, [forbid with { Id = "F1" }])];
    }

    private static Gen<ConsentModel[]> ConsentsGen(string[] purposesInUse) =>
        from ids in Gen.Frequency((1, SubsetOf(ConsentIds, 0, 2)), (5, Gen.Constant(ConsentIds)))
        from consents in Gen.CollectToArray(ids, id => ConsentGen(id, purposesInUse))
        select consents;

    /// <summary>A consent: mostly valid at decision time and for purposes the case's permits have; often on a boundary.</summary>
    private static Gen<ConsentModel> ConsentGen(string id, string[] purposesInUse)
    {
        const int Day = 86_400;
        var past = Gen.Choose(2, 60 * Day).Select(s => -(long)s);
        var future = Gen.Choose(2, 365 * Day).Select(s => (long)s);
        var boundary = Gen.Elements(-1L, 0L, 1L);
        var given = Gen.Frequency((12, past), (3, boundary), (1, future));
        var ends = Gen.Frequency((10, Gen.Constant<long?>(null)), (6, future.Select(s => (long?)s)), (3, boundary.Select(s => (long?)s)), (1, past.Select(s => (long?)s)));
        var purposes = purposesInUse.Length == 0
            ? SubsetOf(PurposePool, 1, 4)
            : Gen.Frequency((1, SubsetOf(PurposePool, 1, 4)), (4, SubsetOf(purposesInUse, 1, purposesInUse.Length)));
        return from p in purposes
               from recipients in Gen.Frequency((4, Empty()), (6, SubsetOf(Agencies, 1, 4)))
               from g in given
               from e in ends
               from w in Gen.Frequency((3, Gen.Constant<long?>(null)), (1, ends))
               select new ConsentModel(id, p, recipients, g, e, w);
    }
}
