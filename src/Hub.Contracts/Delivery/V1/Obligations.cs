namespace Hub.Contracts.Delivery.V1;

/// <summary>What the recipient must do with what it received, as the agreement requires.</summary>
public sealed record Obligations
{
    public static Obligations None { get; } = new();

    /// <summary>Days the recipient may keep the data; null when the agreement sets no limit.</summary>
    public int? RetentionDays { get; init; }

    public bool OnwardSharingForbidden { get; init; }
}
