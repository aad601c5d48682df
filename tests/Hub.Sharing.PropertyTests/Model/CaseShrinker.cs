namespace Hub.Sharing.PropertyTests.Model;

/// <summary>
/// Shrinks a case by taking things away, biggest first: agreements, flows, candidates, consents, event fields,
/// then single fields, conditions, recipients and options. A step that makes the set invalid is simply discarded
/// by the property, so the shrinker need not keep every step valid.
/// </summary>
public static class CaseShrinker
{
    public static IEnumerable<CaseModel> Shrink(CaseModel c)
    {
        for (var i = 0; i < c.Agreements.Count; i++)
        {
            yield return c with { Agreements = c.Agreements.Without(i) };
        }

        for (var i = 0; i < c.Candidates.Count && c.Candidates.Count > 1; i++)
        {
            yield return c with { Candidates = c.Candidates.Without(i) };
        }

        for (var i = 0; i < c.Agreements.Count; i++)
        {
            foreach (var smaller in ShrinkAgreement(c.Agreements[i]))
            {
                yield return c with { Agreements = c.Agreements.Replace(i, smaller) };
            }
        }

        for (var i = 0; i < c.Consents.Count; i++)
        {
            yield return c with { Consents = c.Consents.Without(i) };
        }

        foreach (var smaller in ShrinkEvent(c.Event))
        {
            yield return c with { Event = smaller };
        }

        if (c.LegalGateway is not null)
        {
            yield return c with { LegalGateway = null };
        }

        if (c.Time.OffsetHours != 0)
        {
            yield return c with { Time = c.Time with { OffsetHours = 0 } };
        }

        for (var i = 0; i < c.Consents.Count; i++)
        {
            foreach (var smaller in ShrinkConsent(c.Consents[i]))
            {
                yield return c with { Consents = c.Consents.Replace(i, smaller) };
            }
        }
    }

    private static IEnumerable<AgreementModel> ShrinkAgreement(AgreementModel a)
    {
        for (var i = 0; i < a.Flows.Count && a.Flows.Count > 1; i++)
        {
            yield return a with { Flows = a.Flows.Without(i) };
        }

        if (a.ReviewDay is not null)
        {
            yield return a with { ReviewDay = null };
        }

        if (a.Version != 1)
        {
            yield return a with { Version = 1 };
        }

        for (var i = 0; i < a.Flows.Count; i++)
        {
            foreach (var smaller in ShrinkFlow(a.Flows[i]))
            {
                yield return a with { Flows = a.Flows.Replace(i, smaller) };
            }
        }
    }

    private static IEnumerable<FlowModel> ShrinkFlow(FlowModel f)
    {
        for (var i = 0; i < f.Conditions.Count; i++)
        {
            yield return f with { Conditions = f.Conditions.Without(i) };
        }

        for (var i = 0; i < f.Recipients.Count && f.Recipients.Count > 1; i++)
        {
            yield return f with { Recipients = f.Recipients.Without(i) };
        }

        for (var i = 0; i < f.EventTypes.Count && f.EventTypes.Count > 1; i++)
        {
            yield return f with { EventTypes = f.EventTypes.Without(i) };
        }

        for (var i = 0; i < f.Fields.Count && (f.Fields.Count > 1 || !f.IsPermit); i++)
        {
            var field = f.Fields[i];
            yield return f with { Fields = f.Fields.Without(i), Pseudonymise = [.. f.Pseudonymise.Where(p => p != field)] };
        }

        for (var i = 0; i < f.Pseudonymise.Count; i++)
        {
            yield return f with { Pseudonymise = f.Pseudonymise.Without(i) };
        }

        if (f.Gateway is not null)
        {
            yield return f with { Gateway = null, Consent = f.Consent == ConsentNeed.RequiredUnlessGateway ? ConsentNeed.Required : f.Consent };
        }

        for (var i = 0; i < f.Conditions.Count; i++)
        {
            var condition = f.Conditions[i];
            for (var j = 0; j < condition.Values.Count && condition.Values.Count > 1; j++)
            {
                yield return f with { Conditions = f.Conditions.Replace(i, condition with { Values = condition.Values.Without(j) }) };
            }
        }
    }

    private static IEnumerable<EventModel> ShrinkEvent(EventModel e)
    {
        if (e.Junk)
        {
            yield return e with { Junk = false };
        }

        for (var i = 0; i < e.Fields.Count; i++)
        {
            yield return e with { Fields = e.Fields.Without(i) };
        }

        for (var i = 0; i < e.Subject.Count; i++)
        {
            yield return e with { Subject = e.Subject.Without(i) };
        }
    }

    private static IEnumerable<ConsentModel> ShrinkConsent(ConsentModel x)
    {
        for (var i = 0; i < x.Purposes.Count && x.Purposes.Count > 1; i++)
        {
            yield return x with { Purposes = x.Purposes.Without(i) };
        }

        for (var i = 0; i < x.Recipients.Count; i++)
        {
            yield return x with { Recipients = x.Recipients.Without(i) };
        }

        if (x.ExpiresSeconds is not null)
        {
            yield return x with { ExpiresSeconds = null };
        }

        if (x.WithdrawnSeconds is not null)
        {
            yield return x with { WithdrawnSeconds = null };
        }
    }

    private static T[] Without<T>(this IReadOnlyList<T> list, int index) => [.. list.Where((_, i) => i != index)];

    private static T[] Replace<T>(this IReadOnlyList<T> list, int index, T item) => [.. list.Select((x, i) => i == index ? item : x)];
}
