namespace Hub.Sharing.Agreements.Yaml;

internal sealed class ObligationsDocument
{
    public int? RetentionDays { get; set; }

    public bool? OnwardSharingForbidden { get; set; }
}
