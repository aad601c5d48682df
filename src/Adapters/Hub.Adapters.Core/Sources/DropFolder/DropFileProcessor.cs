using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder.Publishing;
using Hub.Adapters.Core.Sources.DropFolder.Reading;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Takes one file from <c>inbox/</c> through to <c>done/</c> (docs/adr/0009): a survey pass (hash, UTF-8, structure;
/// a file that cannot be split into rows is quarantined whole, naming the line, before any row is published), then
/// the rows after the checkpoint streamed to the hub many publishes at a time (<see cref="DropFilePublisher"/>), then
/// the quarantine file, the report, and only then the move. Interrupted, it resumes after the checkpoint; rows
/// re-published carry the same ids.
/// </summary>
public sealed class DropFileProcessor(RecordSubmitter submitter, IRecordMapper<DropFolderRecord> mapper, IOptions<DropFolderOptions> options, TimeProvider time, ILogger<DropFileProcessor> logger)
{
    private static readonly JsonSerializerOptions ReportJson = new(ContractJson.Options) { WriteIndented = true };

    private readonly DropFolderLayout _layout = new(options.Value.Path);

    private readonly DropFilePublisher _publisher = new(submitter, mapper, options, time);

    public DropFolderLayout Layout => _layout;

    /// <summary>Processes <paramref name="name"/> in <c>inbox/</c>. Throws if a publish was not confirmed; progress so far is kept.</summary>
    public async Task<DropFileReport> ProcessAsync(string name, CancellationToken cancellationToken)
    {
        var agency = submitter.Agency;
        var path = Path.Combine(_layout.Inbox, name);
        DropFileReader.TryFormatOf(name, out var format);
        var survey = await DropFileSurvey.RunAsync(path, format, options.Value.MaxFileBytes, cancellationToken);
        if (survey.Problem is not null)
        {
            return await QuarantineWholeAsync(name, survey.Sha256, $"{name}, {survey.Problem}", cancellationToken);
        }

        var hash = survey.Sha256!;
        var store = new CheckpointStore(_layout);
        var checkpoint = await store.ReadAsync(name, hash, cancellationToken);
        if (checkpoint.LastRow > 0)
        {
            SourcesLog.FileResumed(logger, agency.Value, name, checkpoint.LastRow);
        }

        if (checkpoint.LastRow < survey.Rows)
        {
            checkpoint = await _publisher.PublishAsync(name, path, format, checkpoint, store, cancellationToken);
        }

        if (checkpoint.Quarantined.Count > 0)
        {
            await QuarantineWriter.WriteAsync(_layout.Rejected(name, format), format, path, checkpoint.Quarantined, CancellationToken.None);
        }

        var report = new DropFileReport
        {
            File = name,
            ContentSha256 = hash,
            Rows = survey.Rows,
            Published = checkpoint.Published,
            Quarantined = checkpoint.Quarantined,
            CompletedAt = time.GetUtcNow(),
        };
        await FinishAsync(name, hash, report, _layout.Done);
        SourcesLog.FileDone(logger, agency.Value, name, report.Rows, report.Published, report.Quarantined.Count);
        return report;
    }

    private async Task<DropFileReport> QuarantineWholeAsync(string name, string? hash, string problem, CancellationToken cancellationToken)
    {
        var report = new DropFileReport { File = name, ContentSha256 = hash, Rows = 0, Published = 0, Quarantined = [], FileProblem = problem, CompletedAt = time.GetUtcNow() };
        await FinishAsync(name, hash, report, _layout.Quarantine);
        SourcesLog.FileQuarantined(logger, submitter.Agency.Value, name);
        cancellationToken.ThrowIfCancellationRequested();
        return report;
    }

    private async Task FinishAsync(string name, string? hash, DropFileReport report, string destinationFolder)
    {
        await DurableFile.WriteAsync(_layout.Report(name), JsonSerializer.SerializeToUtf8Bytes(report, ReportJson), CancellationToken.None);
        var destination = Path.Combine(destinationFolder, name);
        if (File.Exists(destination))
        {
            // A file refused by its length was never hashed: the time it was finished tells the copies apart instead.
            var distinct = hash?[..12] ?? report.CompletedAt.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            destination = Path.Combine(destinationFolder, $"{Path.GetFileNameWithoutExtension(name)}.{distinct}{Path.GetExtension(name)}");
        }

        File.Move(Path.Combine(_layout.Inbox, name), destination, overwrite: true);
        File.Delete(_layout.Checkpoint(name));
    }
}
