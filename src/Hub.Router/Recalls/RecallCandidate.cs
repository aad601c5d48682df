using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Recalls;

/// <summary>
/// A delivery a cause calls back that no recall of that cause names yet, as the store's candidate query finds it, with
/// when the cause took effect and, for a retraction, its reason code.
/// </summary>
public sealed record RecallCandidate(string Recipient, RecalledDelivery Delivery, DateTimeOffset CausedAt, string? ReasonCode);
