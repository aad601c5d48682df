using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>A corpus resource as the source read it, and what the adapter made of it.</summary>
public sealed record CorpusRun(JsonElement Resource, RecordMapping Mapping);
