namespace Hub.Adapters.Core.Sinks;

/// <summary>The agreement's obligations as a sink writes them out.</summary>
public sealed record DeliveryObligationsDocument(int? RetentionDays, DateTimeOffset? RetainUntil, bool OnwardSharingForbidden);
