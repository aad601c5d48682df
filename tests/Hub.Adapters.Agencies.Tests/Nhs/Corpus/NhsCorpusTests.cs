using Hub.Contracts.Catalogue;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>
/// The conformance corpus (issue 18 point 5): every resource in <c>Nhs/Corpus</c> through the production entry
/// point, checked against its entry in <c>corpus.yaml</c>. See the corpus's README.md.
/// </summary>
public sealed class NhsCorpusTests
{
    public static TheoryData<string> Cases => [.. CorpusManifest.Default.Cases.Select(c => c.Id)];

    [CorpusTheory]
    [MemberData(nameof(Cases))]
    public void When_a_corpus_resource_is_read_should_have_the_outcome_its_manifest_entry_states(string id)
    {
        var expected = CorpusManifest.Default.Find(id);
        var run = CorpusRunner.Run(expected);

        if (expected.Event is { } eventType)
        {
            run.Mapping.Problems.ShouldBeEmpty();
            var published = run.Mapping.Event.ShouldNotBeNull();
            EventCatalogue.TryGet(published.GetType(), out var info).ShouldBeTrue();
            info.Name.ShouldBe(eventType);
            foreach (var (path, value) in expected.Fields)
            {
                EventFields.Read(published, path).ShouldBe(value, $"event field {path}");
            }
        }
        else
        {
            run.Mapping.Event.ShouldBeNull();
            var refusals = expected.Refused.ShouldNotBeNull();
            run.Mapping.Problems.Select(PathOf).ShouldBe(refusals.Select(r => r.Path).Distinct(), ignoreOrder: true);
            foreach (var refusal in refusals.Where(r => r.Reason is not null))
            {
                run.Mapping.Problems.ShouldContain(p => p.StartsWith($"{refusal.Path}: {refusal.Reason}", StringComparison.Ordinal));
            }
        }

        var personal = ResourceValues.PersonalIn(run.Resource);
        personal.ShouldNotBeEmpty();
        run.Mapping.Problems.ShouldAllBe(p => !personal.Any(p.Contains));
    }

    private static string PathOf(string problem) => problem[..problem.IndexOf(": ", StringComparison.Ordinal)];
}
