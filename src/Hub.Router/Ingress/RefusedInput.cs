namespace Hub.Router.Ingress;

/// <summary>
/// Receive-context mark set by <see cref="RejectionLedgerFilter"/> on an unreadable body it ledgered and sent to the
/// error queue without notifying a fault, so <see cref="UnknownTypeLedgerFilter"/> does not also skip it.
/// </summary>
public sealed class RefusedInput
{
    public static RefusedInput Instance { get; } = new();

    private RefusedInput()
    {
    }
}
