using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>The corpus's <c>corpus.yaml</c>, read from the test output folder (the csproj copies the corpus there).</summary>
public sealed class CorpusManifest
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Nhs", "Corpus");

    public static CorpusManifest Default { get; } = Load(Path.Combine(Folder, "corpus.yaml"));

    public List<CorpusCase> Cases { get; set; } = [];

    public CorpusCase Find(string id) => Cases.Single(c => c.Id == id);

    public static CorpusManifest Load(string path) => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build()
        .Deserialize<CorpusManifest>(File.ReadAllText(path));
}
