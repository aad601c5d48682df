using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Projection;
using Hub.Sharing.PropertyTests.Model;

namespace Hub.Sharing.PropertyTests;

/// <summary>
/// The engine's safety rules, checked over generated agreement sets, events and consents. Every case is
/// rendered to agreement YAML and loaded with <see cref="AgreementLoader"/>, as the router would load it;
/// sets that do not lint clean are discarded. A failure shrinks to a small case and prints its YAML and request.
/// </summary>
public class DecisionProperties
{
    private const int Runs = 1000;

    // A property fails as "arguments exhausted" once this many cases are discarded: i.e. when well over 1 case in 5 is invalid.
    private const int MaxDiscarded = Runs / 4;

    [Property(MaxTest = Runs, MaxRejected = MaxDiscarded)]
    public Property When_a_decision_is_allowed_should_release_only_fields_that_a_permit_naming_the_share_names_and_the_event_carries() =>
        Verify.ForAllValid(CaseGenerators.Cases(), (c, _, decisions) =>
        {
            var request = c.Request();
            var present = request.PresentFields.ToHashSet(StringComparer.Ordinal);
            Verify.That(present.SetEquals(c.Event.ExpectedPresentFields()), c, decisions, () =>
                $"PresentFields {Verify.List(present)} are not the event's non-null fields {Verify.List(c.Event.ExpectedPresentFields())}");

            foreach (var d in decisions)
            {
                var recipient = d.Recipient.Value;
                if (!d.IsAllowed)
                {
                    Verify.That(d.ReleasedFields.Count == 0 && d.PseudonymisedFields.Count == 0, c, decisions, () => $"denied decision for {recipient} still releases fields");
                    continue;
                }

                var named = c.PermitsNaming(recipient).SelectMany(f => f.Fields).ToHashSet(StringComparer.Ordinal);
                var outside = d.ReleasedFields.Where(f => !named.Contains(f)).ToList();
                Verify.That(outside.Count == 0, c, decisions, () => $"{recipient} receives {Verify.List(outside)}, which no permit for {c.Event.Source} -> {recipient} of {c.Event.EventType} names");
                var absent = d.ReleasedFields.Where(f => !present.Contains(f)).ToList();
                Verify.That(absent.Count == 0, c, decisions, () => $"{recipient} is released {Verify.List(absent)}, which the event does not carry");
                Verify.That(d.PseudonymisedFields.All(d.ReleasedFields.Contains), c, decisions, () => $"{recipient}: pseudonymised fields are not all released");

                AssertProjection(c, decisions, d, request.Event);
            }
        });

    [Property(MaxTest = Runs, MaxRejected = MaxDiscarded)]
    public Property When_an_in_force_forbid_whose_conditions_hold_names_the_share_should_deny_whatever_permits_exist() =>
        Verify.ForAllValid(
            CaseGenerators.Cases(),
            (c, _, decisions) =>
            {
                foreach (var d in decisions)
                {
                    var forbids = c.AllFlows().Where(x => c.ForbidApplies(x.Agreement, x.Flow, d.Recipient.Value)).ToList();
                    if (forbids.Count > 0)
                    {
                        Verify.That(!d.IsAllowed && d.ReleasedFields.Count == 0, c, decisions, () =>
                            $"{d.Recipient} is allowed although {string.Join(", ", forbids.Select(x => $"{x.Agreement.Id} flow {x.Flow.Id}"))} forbids it");
                    }
                }
            },
            c => [(ForbidMeetsPermit(c), "a forbid applies where a permit would")]);

    [Property(MaxTest = Runs, MaxRejected = MaxDiscarded)]
    public Property When_agreements_are_not_in_force_at_decision_time_should_decide_as_if_they_were_absent() =>
        Verify.ForAllValid(
            CaseGenerators.Cases(),
            (c, _, decisions) =>
            {
                var inForce = c with { Agreements = [.. c.Agreements.Where(c.InForce)] };
                var reducedSet = inForce.TryLoad();
                Verify.That(reducedSet is not null, c, decisions, () => "removing agreements from a valid set made it invalid");
                var reduced = reducedSet!.Decide(c);
                for (var i = 0; i < decisions.Count; i++)
                {
                    var (full, only) = (decisions[i], reduced[i]);
                    Verify.That(
                        full.Outcome == only.Outcome
                        && full.ReleasedFields.SequenceEqual(only.ReleasedFields)
                        && full.PseudonymisedFields.SequenceEqual(only.PseudonymisedFields)
                        && full.Obligations == only.Obligations,
                        c,
                        decisions,
                        () => $"with only the in-force agreements ({string.Join(", ", inForce.Agreements.Select(a => a.Id))}) the decision for {full.Recipient} is {Environment.NewLine}  {only.Show()}");
                    if (full.IsAllowed)
                    {
                        Verify.That(inForce.Agreements.Any(a => a.Id == full.AgreementId), c, decisions, () => $"{full.Recipient} is allowed by {full.AgreementId}, which is not in force on {c.UtcDay():yyyy-MM-dd}");
                    }
                }
            },
            c => [(c.Agreements.Any(a => !c.InForce(a)), "some agreement out of force"), (OutOfForcePermitNamesACandidate(c), "an out-of-force permit names a candidate")]);

    [Property(MaxTest = Runs, MaxRejected = MaxDiscarded)]
    public Property When_every_permit_requires_consent_should_allow_only_with_a_consent_valid_at_decision_time() =>
        Verify.ForAllValid(
            CaseGenerators.ConsentCases(),
            (c, _, decisions) =>
            {
                foreach (var d in decisions.Where(d => d.IsAllowed))
                {
                    var recipient = d.Recipient.Value;
                    var consent = string.IsNullOrWhiteSpace(c.ConsentRef) ? null : c.Consents.FirstOrDefault(x => x.Id == c.ConsentRef);
                    Verify.That(consent is not null, c, decisions, () => $"{recipient} is allowed but consent '{c.ConsentRef}' is not in the registry");
                    Verify.That(consent!.GivenSeconds <= 0, c, decisions, () => $"{recipient} is allowed under consent {consent.Id} given after the decision");
                    Verify.That(consent.WithdrawnSeconds is null or > 0, c, decisions, () => $"{recipient} is allowed under consent {consent.Id} withdrawn at or before the decision");
                    Verify.That(consent.ExpiresSeconds is null or > 0, c, decisions, () => $"{recipient} is allowed under consent {consent.Id} expired at or before the decision");
                    Verify.That(consent.Recipients.Count == 0 || consent.Recipients.Contains(recipient), c, decisions, () => $"consent {consent.Id} does not cover {recipient}");
                    Verify.That(d.Purpose is not null && consent.Purposes.Contains(d.Purpose), c, decisions, () => $"consent {consent.Id} does not cover the deciding purpose {d.Purpose}");
                    foreach (var field in d.ReleasedFields)
                    {
                        Verify.That(
                            c.PermitsNaming(recipient).Any(f => f.Fields.Contains(field) && consent.Purposes.Contains(f.Purpose)),
                            c,
                            decisions,
                            () => $"{recipient} receives {field}, but no permit releasing it has a purpose consent {consent.Id} covers");
                    }
                }
            },
            c => [(c.Candidates.Any(r => c.AllFlows().Any(x => c.PermitApplies(x.Agreement, x.Flow, r))), "some permit applies")]);

    [Property(MaxTest = Runs)]
    public Property When_there_are_no_agreements_should_deny_every_candidate() =>
        Prop.ForAll(CaseGenerators.Arbitrary(CaseGenerators.Cases()), c =>
        {
            foreach (var set in new[] { AgreementSet.Empty, AgreementLoader.Load([], CaseModel.LoadDay) })
            {
                var decisions = set.Decide(c);
                Verify.That(decisions.Select(d => d.Recipient.Value).SequenceEqual(c.Candidates), c, decisions, () => "not one decision per candidate, in order");
                Verify.That(decisions.All(d => !d.IsAllowed && d.ReleasedFields.Count == 0 && d.AgreementId is null), c, decisions, () => "an empty agreement set allowed a share");
            }
        });

    [Property(MaxTest = Runs, MaxRejected = MaxDiscarded)]
    public Property When_no_permit_names_the_source_event_type_and_recipient_should_deny() =>
        Verify.ForAllValid(
            CaseGenerators.Cases(),
            (c, _, decisions) =>
            {
                foreach (var d in decisions.Where(d => !c.PermitsNaming(d.Recipient.Value).Any()))
                {
                    Verify.That(!d.IsAllowed, c, decisions, () => $"{d.Recipient} is allowed although no permit names {c.Event.Source} -> {d.Recipient} of {c.Event.EventType}");
                }
            },
            c => [(c.Candidates.Any(r => !c.PermitsNaming(r).Any()), "a candidate no permit names")]);

    [Property(MaxTest = Runs, MaxRejected = MaxDiscarded)]
    public Property When_deciding_should_match_the_reference_rules_exactly() =>
        Verify.ForAllValid(
            CaseGenerators.Cases(),
            (c, _, decisions) =>
            {
                var present = c.Event.ExpectedPresentFields();
                foreach (var d in decisions)
                {
                    var recipient = d.Recipient.Value;
                    var forbidden = c.AllFlows().Any(x => c.ForbidApplies(x.Agreement, x.Flow, recipient));
                    var permits = c.AllFlows().Where(x => c.PermitApplies(x.Agreement, x.Flow, recipient)).Select(x => x.Flow).ToList();
                    var allowed = !forbidden && permits.Count > 0;
                    var released = allowed ? permits.SelectMany(f => f.Fields).Where(present.Contains).Distinct().Order(StringComparer.Ordinal).ToList() : [];
                    var pseudonymised = permits.SelectMany(f => f.Pseudonymise).Where(released.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
                    var footing = allowed ? c.Footing(permits, released) : "None";
                    Verify.That(d.IsAllowed == allowed && d.ReleasedFields.SequenceEqual(released) && (!allowed || d.PseudonymisedFields.SequenceEqual(pseudonymised)) && d.Footing.ToString() == footing, c, decisions, () =>
                        $"for {recipient} the rules give {(allowed ? "Allowed" : "Denied")} releasing {Verify.List(released)} pseudonymising {Verify.List(pseudonymised)} on footing {footing}" +
                        $" (forbid applies: {forbidden}; permits applying: {Verify.List(permits.Select(f => f.Id))})");
                }
            },
            c => [(c.Candidates.Any(r => c.AllFlows().Any(x => c.PermitApplies(x.Agreement, x.Flow, r))), "some permit applies")]);

    [Property(MaxTest = 500, MaxRejected = 125)]
    public Property When_agreement_files_are_read_in_another_order_should_decide_the_same() =>
        Prop.ForAll(CaseGenerators.Arbitrary(CaseGenerators.Cases()), c =>
        {
            var set = c.TryLoad();
            return Prop.When(set is not null, () =>
            {
                var decisions = set!.Decide(c);
                var reversed = Harness.TryLoad([.. c.Files().Reverse()]);
                Verify.That(reversed is not null, c, decisions, () => "the same files in another order do not load");
                var other = reversed!.Decide(c);
                for (var i = 0; i < decisions.Count; i++)
                {
                    Verify.That(decisions[i].Outcome == other[i].Outcome && decisions[i].ReleasedFields.SequenceEqual(other[i].ReleasedFields), c, decisions, () =>
                        $"reading the files in reverse order decides {other[i].Show()}");
                }
            });
        });

    private static void AssertProjection(CaseModel c, IReadOnlyList<Decision> decisions, Decision d, JsonElement @event)
    {
        var released = d.ReleasedFields.ToHashSet(StringComparer.Ordinal);
        var projected = PayloadProjector.Project(@event, d.ReleasedFields, d.PseudonymisedFields, (field, _) => "pseudonym-of-" + field);
        var leaving = new List<string>();
        foreach (var property in projected.EnumerateObject())
        {
            if (property.NameEquals("subject") && property.Value.ValueKind == JsonValueKind.Object)
            {
                leaving.AddRange(property.Value.EnumerateObject().Select(p => "subject." + p.Name));
            }
            else
            {
                leaving.Add(property.Name);
            }
        }

        var unreleased = leaving.Where(f => !released.Contains(f)).ToList();
        Verify.That(unreleased.Count == 0, c, decisions, () => $"the projection for {d.Recipient} carries {Verify.List(unreleased)}, which were not released: {projected.GetRawText()}");
        Verify.That(released.SetEquals(leaving), c, decisions, () => $"the projection for {d.Recipient} does not carry every released field: {projected.GetRawText()}");
        foreach (var field in d.PseudonymisedFields)
        {
            var value = CaseGenerators.IsSubject(field)
                ? projected.GetProperty("subject").GetProperty(field["subject.".Length..])
                : projected.GetProperty(field);
            Verify.That(value.ValueKind == JsonValueKind.String && value.GetString() == "pseudonym-of-" + field, c, decisions, () => $"{field} leaves for {d.Recipient} in clear although pseudonymised");
        }
    }

    private static bool ForbidMeetsPermit(CaseModel c) =>
        c.Candidates.Any(r => c.AllFlows().Any(x => c.ForbidApplies(x.Agreement, x.Flow, r)) && c.AllFlows().Any(x => c.PermitApplies(x.Agreement, x.Flow, r)));

    private static bool OutOfForcePermitNamesACandidate(CaseModel c) =>
        c.Agreements.Where(a => !c.InForce(a)).SelectMany(a => a.Flows).Any(f => f.IsPermit && c.Candidates.Any(r => f.Names(c.Event.Source, c.Event.EventType, r)));
}
