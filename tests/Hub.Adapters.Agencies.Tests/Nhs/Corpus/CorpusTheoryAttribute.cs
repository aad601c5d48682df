using Xunit.Sdk;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>A theory over corpus case ids whose rows marked <c>pending</c> in the manifest are skipped, naming the feature.</summary>
[XunitTestCaseDiscoverer("Hub.Adapters.Agencies.Tests.Nhs.Corpus.CorpusTheoryDiscoverer", "Hub.Adapters.Agencies.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CorpusTheoryAttribute : TheoryAttribute;
