using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Provenance;

/// <summary>
/// A field of an event whose value its source first received from the hub under a restricted gateway (issue 12,
/// docs/adr/0016): the value keeps that gateway's limits whatever the new event asserts. Found by the router from
/// keyed fingerprints of what it delivered; never holds the value.
/// </summary>
/// <param name="Field">The field of the new event, as agreements name it.</param>
/// <param name="Gateway">The gateway the value was obtained under.</param>
/// <param name="OriginPurpose">The purpose it was supplied for.</param>
/// <param name="OriginSource">The agency that supplied it.</param>
/// <param name="ObtainedAt">When the hub delivered it.</param>
public sealed record InheritedRestriction(string Field, string Gateway, string OriginPurpose, string OriginSource, DateTimeOffset ObtainedAt)
{
    /// <summary>
    /// Whether the value may go to <paramref name="recipient"/> for <paramref name="purpose"/>. Back to the agency that
    /// supplied it, always: that is no onward disclosure. Otherwise, for a supply gateway (s131, Tell Us Once: the data
    /// was supplied to the publishing agency alone), never; for another gateway, only for a purpose it prescribes. An
    /// unknown gateway allows nothing.
    /// </summary>
    public bool Allows(string recipient, string purpose)
    {
        if (string.Equals(recipient, OriginSource, StringComparison.Ordinal))
        {
            return true;
        }

        return Gateways.Find(Gateway) is { BindsToDeclaredPurpose: false } gateway && gateway.PrescribedPurposes.Contains(purpose);
    }

    /// <summary>Why the field is withheld, in IG language, naming the origin but no value.</summary>
    public string Explain(string purpose)
    {
        var gateway = Gateways.Find(Gateway);
        var limit = gateway is null
            ? "the gateway is not in the vocabulary, so no onward disclosure is allowed"
            : gateway.BindsToDeclaredPurpose
                ? $"it was supplied to the publishing agency alone; {gateway.OnwardDisclosure}"
                : $"purpose {purpose} is not one {Gateway} prescribes; {gateway.OnwardDisclosure}";
        return $"{Field} withheld: its value was obtained under {Gateway} from {OriginSource} on {ObtainedAt.UtcDateTime:yyyy-MM-dd} for {OriginPurpose}, and {limit}";
    }
}
