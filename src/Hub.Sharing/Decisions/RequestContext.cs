using Hub.Sharing.Provenance;
using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Decisions;

/// <summary>What every candidate recipient of one request shares, worked out once rather than once per candidate.</summary>
internal sealed class RequestContext(DecisionRequest request)
{
    public DecisionRequest Request { get; } = request;

    /// <summary>The gateway the event asserts, when it is one the vocabulary knows; its purpose limits bind every flow.</summary>
    public Gateway? GatewayLimit { get; } = Gateways.Find(request.Consent.LegalGateway);

    /// <summary>Whether the purpose the event declares is one its asserted gateway prescribes (true when it asserts none).</summary>
    public bool DeclaredPurposeIsPrescribed { get; } = Gateways.Find(request.Consent.LegalGateway) is not { } gateway || gateway.PrescribedPurposes.Contains(request.Consent.CollectionPurpose);

    /// <summary>Inherited gateway limits by field; null when the event carries none (nearly always).</summary>
    public ILookup<string, InheritedRestriction>? Inherited { get; } = request.Inherited.Count == 0 ? null : request.Inherited.ToLookup(r => r.Field, StringComparer.Ordinal);

    /// <summary>The event's present fields in ordinal order: every decision lists released and withheld fields in this order.</summary>
    public string[] SortedPresent { get; } = Sorted(request.PresentFields);

    private static string[] Sorted(IReadOnlyCollection<string> fields)
    {
        var array = new string[fields.Count];
        var i = 0;
        foreach (var field in fields)
        {
            array[i++] = field;
        }

        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }
}
