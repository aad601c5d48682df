namespace Hub.Sharing.Agreements.Yaml;

/// <summary>The YAML shape of an agreement file, before validation.</summary>
internal sealed class AgreementDocument
{
    public string? Id { get; set; }

    public int? Version { get; set; }

    public string? Title { get; set; }

    public string? Status { get; set; }

    public string? Effective { get; set; }

    public string? Expires { get; set; }

    public List<FlowDocument>? Flows { get; set; }
}
