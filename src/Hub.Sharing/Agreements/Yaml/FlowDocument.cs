namespace Hub.Sharing.Agreements.Yaml;

/// <summary>The YAML shape of one flow.</summary>
internal sealed class FlowDocument
{
    public string? Id { get; set; }

    public string? Effect { get; set; }

    public string? Source { get; set; }

    public List<string>? EventTypes { get; set; }

    public List<string>? Recipients { get; set; }

    public string? Purpose { get; set; }

    public string? LawfulBasis { get; set; }

    public List<string>? Fields { get; set; }

    public ObligationsDocument? Obligations { get; set; }
}
