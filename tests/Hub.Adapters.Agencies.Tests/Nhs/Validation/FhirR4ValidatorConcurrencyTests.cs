using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Validation;

namespace Hub.Adapters.Agencies.Tests.Nhs.Validation;

public sealed class FhirR4ValidatorConcurrencyTests
{
    [Fact]
    public void When_resources_are_parsed_and_validated_on_many_threads_at_once_should_raise_the_same_issues_as_one_at_a_time()
    {
        var files = Directory.GetFiles(RepoPaths.Sample("nhs", "."), "*.json")
            .Concat(Directory.GetFiles(RepoPaths.File("tests", "Hub.Adapters.Agencies.Tests", "Nhs", "Corpus", "http"), "*.json"))
            .Select(File.ReadAllText)
            .ToList();
        var alone = files.Select(Issues).ToList();
        alone.Count(i => i is not null).ShouldBeGreaterThan(40, "the resources parse; the few that do not are compared as such");
        alone.ShouldContain(i => i != null && i.Contains("Error"), "some resources are refused, so errors are compared too");

        var together = new ConcurrentBag<(int Index, string? Issues)>();
        Parallel.For(0, files.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => together.Add((i % files.Count, Issues(files[i % files.Count]))));

        together.Count.ShouldBe(files.Count * 4);
        together.ShouldAllBe(t => t.Issues == alone[t.Index]);
    }

    /// <summary>The resource's issues as one string (severity, path, code), or null when it does not parse.</summary>
    private static string? Issues(string json) =>
        FhirResourceReader.Read<Resource>(json).Value is { } resource
            ? string.Join("; ", FhirR4Validator.Unlogged.Validate(resource).Select(i => $"{i.Severity} {i.Path} {i.Code} {i.IssueType}"))
            : null;
}
