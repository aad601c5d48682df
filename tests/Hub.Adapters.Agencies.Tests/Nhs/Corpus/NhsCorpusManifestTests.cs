using Hub.Adapters.Core.Sources.DropFolder;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>The manifest and the corpus files agree: no file or row without an expected outcome, none expected twice.</summary>
public sealed class NhsCorpusManifestTests
{
    private static readonly string[] PendingFeatures = ["date-precision", "coding-by-system", "ucum", "subject-forms"];

    [Fact]
    public void When_the_manifest_is_read_should_state_one_outcome_for_every_corpus_resource_and_row()
    {
        var cases = CorpusManifest.Default.Cases;

        cases.Count.ShouldBeGreaterThanOrEqualTo(30);
        cases.Select(c => c.Id).ShouldBeUnique();
        cases.Select(c => (c.File, c.Row)).ShouldBeUnique();
        cases.ShouldAllBe(c => (c.Event == null) != (c.Refused == null));
        cases.ShouldAllBe(c => c.Pending == null || PendingFeatures.Contains(c.Pending) || c.Pending.StartsWith("bug-", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(CorpusManifest.Folder, "*.*json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(CorpusManifest.Folder, file).Replace('\\', '/');
            var listed = cases.Where(c => c.File == relative).ToList();
            if (relative.StartsWith("http/", StringComparison.Ordinal))
            {
                listed.ShouldHaveSingleItem(relative).Row.ShouldBeNull();
                continue;
            }

            DropFileReader.TryFormatOf(relative, out var format).ShouldBeTrue();
            var rows = DropFileReader.Read(format, File.ReadAllBytes(file)).Rows.Select(r => (int?)r.Row);
            listed.Select(c => c.Row).ShouldBe(rows, ignoreOrder: true, customMessage: relative);
        }

        cases.ShouldAllBe(c => File.Exists(Path.Combine(CorpusManifest.Folder, c.File)));
    }

    [Fact]
    public void When_the_bulk_export_with_crlf_line_ends_is_checked_out_should_still_end_its_lines_with_crlf()
    {
        var text = File.ReadAllText(Path.Combine(CorpusManifest.Folder, "drop", "MedicationRequest-statuses.ndjson"));

        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(8);
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
    }
}
