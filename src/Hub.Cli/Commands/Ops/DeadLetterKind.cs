namespace Hub.Cli.Commands.Ops;

/// <summary>Which side of the router a dead-letter queue is on: what replay means for its messages (docs/adr/0012).</summary>
public enum DeadLetterKind
{
    /// <summary>A <c>hub.ingress.A_error</c> or <c>_skipped</c> queue: an agency's event the router refused or could not process.</summary>
    Ingress,

    /// <summary>A <c>hub.delivery.A_error</c> or <c>_skipped</c> queue: a delivery the agency's adapter could not hand over.</summary>
    Delivery,
}
