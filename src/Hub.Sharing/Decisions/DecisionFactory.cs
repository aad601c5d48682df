using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Sharing.Agreements;
using Hub.Sharing.Disclosure;
using Hub.Sharing.Provenance;

namespace Hub.Sharing.Decisions;

/// <summary>Writes the engine's <see cref="Decision"/>s: field lists in one pass over the event's sorted fields, no sorting or set-building per decision.</summary>
internal static class DecisionFactory
{
    public static Decision Allowed(RequestContext context, AgencyCode recipient, in Permits permits)
    {
        var present = context.SortedPresent;
        var released = new List<string>(present.Length);
        var withheld = new List<string>();
        List<string>? pseudonymised = null;
        var mayPseudonymise = AnyPseudonymises(permits);
        var anyOnConsent = AnyOnConsent(permits);
        var reliesOnConsent = false;
        List<string>? inheritedReasons = null;
        foreach (var field in present)
        {
            if (!AnyReleases(permits, field))
            {
                withheld.Add(field);
                continue;
            }

            if (context.Inherited is { } inherited && inherited.Contains(field) && InheritedLimit(permits, recipient.Value, field, inherited[field]) is { } limit)
            {
                withheld.Add(field);
                (inheritedReasons ??= []).Add(limit.Explain(permits.First!.Flow.Purpose));
                continue;
            }

            released.Add(field);
            reliesOnConsent |= anyOnConsent && !reliesOnConsent && OnlyConsentReleases(permits, field);
            if (mayPseudonymise && AnyPseudonymises(permits, field))
            {
                (pseudonymised ??= []).Add(field);
            }
        }

        if (released.Count == 0 && inheritedReasons is not null)
        {
            return Denied(context, recipient, permits.First, DecisionReasonCodes.InheritedGateway, inheritedReasons);
        }

        var reasons = new string[permits.Count];
        for (var i = 0; i < reasons.Length; i++)
        {
            reasons[i] = permits[i].Reason;
        }

        if (inheritedReasons is not null)
        {
            reasons = [.. reasons, .. inheritedReasons];
        }

        var primary = permits.First!;
        var footing = reliesOnConsent ? DecisionFooting.Consent : StrongestStatutory(permits);
        var suppressBelow = StrictestSuppression(permits);
        IReadOnlyList<string> suppressed = suppressBelow is { } threshold ? SmallNumbers.Find(context.Request.Event, released, threshold) : [];
        if (suppressed.Count > 0)
        {
            reasons = [.. reasons, $"small-number disclosure control: {SmallNumbersWording.Paths(suppressed)} {(suppressed.Count == 1 ? "is a count" : "are counts")} below {suppressBelow} and {(suppressed.Count == 1 ? "leaves" : "leave")} as null"];
        }

        return new Decision
        {
            Recipient = recipient,
            Outcome = DecisionOutcome.Allowed,
            AgreementId = primary.Agreement.Id,
            AgreementVersion = primary.Agreement.Version,
            FlowId = primary.Flow.Id,
            Purpose = primary.Flow.Purpose,
            LawfulBasis = primary.Basis,
            Footing = footing,
            ReasonCode = footing switch
            {
                DecisionFooting.Consent => DecisionReasonCodes.Consent,
                DecisionFooting.Gateway => DecisionReasonCodes.Gateway,
                _ => DecisionReasonCodes.Basis,
            },
            ReleasedFields = released,
            WithheldFields = withheld,
            PseudonymisedFields = pseudonymised ?? (IReadOnlyList<string>)[],
            Obligations = MostRestrictive(permits),
            SuppressCountsBelow = suppressBelow,
            SuppressedValues = suppressed,
            Reasons = reasons,
        };
    }

    public static Decision Denied(RequestContext context, AgencyCode recipient, CompiledFlow? by, string reasonCode, IReadOnlyList<string> reasons) => new()
    {
        ReasonCode = reasonCode,
        Recipient = recipient,
        Outcome = DecisionOutcome.Denied,
        AgreementId = by?.Agreement.Id,
        AgreementVersion = by?.Agreement.Version,
        FlowId = by?.Flow.Id,
        Purpose = by?.Flow.Purpose,
        LawfulBasis = by?.Basis,
        Reasons = reasons,
        WithheldFields = context.SortedPresent,
    };

    /// <summary>The highest small-number threshold of the permits that suppress: the recipient gets the strictest control any of them sets.</summary>
    private static int? StrictestSuppression(in Permits permits)
    {
        int? threshold = null;
        for (var i = 0; i < permits.Count; i++)
        {
            if (permits[i].Compiled.Flow.SmallNumbers is { Action: SmallNumberAction.Suppress, Threshold: var t } && (threshold is null || t > threshold))
            {
                threshold = t;
            }
        }

        return threshold;
    }

    /// <summary>
    /// The inherited gateway limit that keeps <paramref name="field"/> back, or null when some permit releasing it has a
    /// purpose every limit on the field allows.
    /// </summary>
    private static InheritedRestriction? InheritedLimit(in Permits permits, string recipient, string field, IEnumerable<InheritedRestriction> limits)
    {
        InheritedRestriction? blocking = null;
        for (var i = 0; i < permits.Count; i++)
        {
            var flow = permits[i].Compiled;
            if (!flow.Fields.Contains(field))
            {
                continue;
            }

            blocking = limits.FirstOrDefault(l => !l.Allows(recipient, flow.Flow.Purpose));
            if (blocking is null)
            {
                return null;
            }
        }

        return blocking;
    }

    private static bool AnyReleases(in Permits permits, string field)
    {
        for (var i = 0; i < permits.Count; i++)
        {
            if (permits[i].Compiled.Fields.Contains(field))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPseudonymises(in Permits permits)
    {
        for (var i = 0; i < permits.Count; i++)
        {
            if (permits[i].Compiled.Pseudonymise.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOnConsent(in Permits permits)
    {
        for (var i = 0; i < permits.Count; i++)
        {
            if (permits.FootingAt(i) == DecisionFooting.Consent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when only consent-based permits release the field: it left because of the consent.</summary>
    private static bool OnlyConsentReleases(in Permits permits, string field)
    {
        var byConsent = false;
        for (var i = 0; i < permits.Count; i++)
        {
            if (!permits[i].Compiled.Fields.Contains(field))
            {
                continue;
            }

            if (permits.FootingAt(i) != DecisionFooting.Consent)
            {
                return false;
            }

            byConsent = true;
        }

        return byConsent;
    }

    /// <summary>Gateway if a gateway permit applied, otherwise the flows' basis; for a share no consent-only field left under.</summary>
    private static DecisionFooting StrongestStatutory(in Permits permits)
    {
        var footing = DecisionFooting.Basis;
        for (var i = 0; i < permits.Count; i++)
        {
            if (permits.FootingAt(i) == DecisionFooting.Gateway)
            {
                footing = DecisionFooting.Gateway;
            }
        }

        return footing;
    }

    private static bool AnyPseudonymises(in Permits permits, string field)
    {
        for (var i = 0; i < permits.Count; i++)
        {
            if (permits[i].Compiled.Pseudonymise.Contains(field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shortest retention and any no-onward-sharing of all permits: the recipient must meet every agreement it receives under.</summary>
    private static Obligations MostRestrictive(in Permits permits)
    {
        if (permits.Count == 1)
        {
            return permits.First!.Flow.Obligations;
        }

        int? retention = null;
        var noOnward = false;
        for (var i = 0; i < permits.Count; i++)
        {
            var obligations = permits[i].Compiled.Flow.Obligations;
            if (obligations.RetentionDays is { } days)
            {
                retention = retention is null ? days : Math.Min(retention.Value, days);
            }

            noOnward |= obligations.OnwardSharingForbidden;
        }

        return new Obligations { RetentionDays = retention, OnwardSharingForbidden = noOnward };
    }
}
