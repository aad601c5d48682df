namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>
/// One resource of the corpus and its expected outcome (an entry of <c>corpus.yaml</c>): the event type it publishes
/// with the fields that matter, or the problems it is refused with. <see cref="Pending"/> names the feature whose
/// merge will make the expected outcome true; until then the case is skipped.
/// </summary>
public sealed class CorpusCase
{
    public string Id { get; set; } = "";

    /// <summary>Relative to the corpus folder: <c>http/...json</c> is POSTed, <c>drop/...</c> dropped in the folder.</summary>
    public string File { get; set; } = "";

    /// <summary>The row (1-based, as the drop folder counts them) of a drop file; null for an HTTP resource.</summary>
    public int? Row { get; set; }

    public string? Pending { get; set; }

    public string? Event { get; set; }

    /// <summary>Event property paths (<c>Envelope.Subject.NhsNumber</c>, <c>Indicators[0].Code</c>, <c>SupportNeeds</c>) and their invariant text.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    public List<CorpusRefusal>? Refused { get; set; }

    public bool IsHttp => File.StartsWith("http/", StringComparison.Ordinal);

    public override string ToString() => Id;
}
