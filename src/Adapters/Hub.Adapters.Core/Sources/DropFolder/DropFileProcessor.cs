using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Telemetry;
using Hub.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Takes one file from <c>inbox/</c> through to <c>done/</c>: rows in order, each published (confirmed) or
/// quarantined, a checkpoint of the settled rows every few rows and whenever processing stops, then the quarantine
/// file, the report, and only then the move (docs/adr/0009). Interrupted, it resumes after the checkpoint; rows
/// re-published carry the same ids.
/// </summary>
public sealed class DropFileProcessor(RecordSubmitter submitter, IRecordMapper<DropFolderRecord> mapper, IOptions<DropFolderOptions> options, TimeProvider time, ILogger<DropFileProcessor> logger)
{
    private static readonly JsonSerializerOptions ReportJson = new(ContractJson.Options) { WriteIndented = true };

    private readonly DropFolderLayout _layout = new(options.Value.Path);

    public DropFolderLayout Layout => _layout;

    /// <summary>Processes <paramref name="name"/> in <c>inbox/</c>. Throws if a publish was not confirmed; progress so far is kept.</summary>
    public async Task<DropFileReport> ProcessAsync(string name, CancellationToken cancellationToken)
    {
        var agency = submitter.Agency;
        var path = Path.Combine(_layout.Inbox, name);
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var hash = SourceEventIds.Sha256(content);
        DropFileReader.TryFormatOf(name, out var format);
        var file = content.LongLength > options.Value.MaxFileBytes
            ? new DropFile(format, [], [], $"the file is larger than {DropFolderOptions.SectionName}:MaxFileBytes")
            : ReadSafely(format, content);
        if (file.FileProblem is not null)
        {
            return await QuarantineWholeAsync(name, hash, file.FileProblem, cancellationToken);
        }

        var checkpoint = await ReadCheckpointAsync(name, hash, cancellationToken);
        if (checkpoint.LastRow > 0)
        {
            SourcesLog.FileResumed(logger, agency.Value, name, checkpoint.LastRow);
        }

        // The checkpoint is flushed to disk every CheckpointEvery rows or CheckpointInterval, and on the way out of
        // the loop however it ends (a stop, an unconfirmed publish): only a crash leaves it behind what the broker
        // confirmed, and those rows are re-published under the same ids (docs/adr/0009).
        var unsaved = 0;
        var saved = time.GetTimestamp();
        try
        {
            foreach (var row in file.Rows.Where(r => r.Row > checkpoint.LastRow))
            {
                var context = new RecordContext(agency, SourceEventIds.ForFileRow(agency, hash, row.Row), $"{name} row {row.Row}");
                var outcome = await SubmitRowAsync(agency, name, row, context, cancellationToken);
                checkpoint = checkpoint with
                {
                    LastRow = row.Row,
                    Published = checkpoint.Published + (outcome.Published ? 1 : 0),
                    Quarantined = outcome.Published ? checkpoint.Quarantined : [.. checkpoint.Quarantined, new QuarantinedRow(row.Row, outcome.Problems)],
                };

                if (++unsaved >= options.Value.CheckpointEvery || time.GetElapsedTime(saved) >= options.Value.CheckpointInterval)
                {
                    await SaveCheckpointAsync(name, checkpoint);
                    (unsaved, saved) = (0, time.GetTimestamp());
                }
            }
        }
        finally
        {
            if (unsaved > 0)
            {
                await SaveCheckpointAsync(name, checkpoint);
            }
        }

        if (checkpoint.Quarantined.Count > 0)
        {
            await DurableFile.WriteAsync(_layout.Rejected(name, format), QuarantineWriter.Render(file, checkpoint.Quarantined), CancellationToken.None);
        }

        var report = new DropFileReport
        {
            File = name,
            ContentSha256 = hash,
            Rows = file.Rows.Count,
            Published = checkpoint.Published,
            Quarantined = checkpoint.Quarantined,
            CompletedAt = time.GetUtcNow(),
        };
        await FinishAsync(name, hash, report, _layout.Done);
        SourcesLog.FileDone(logger, agency.Value, name, report.Rows, report.Published, report.Quarantined.Count);
        return report;
    }

    /// <summary>Each row is its own trace: the event it becomes is followed from this read to every sink.</summary>
    private async Task<RecordOutcome> SubmitRowAsync(Hub.Contracts.Agencies.AgencyCode agency, string name, DropRow row, RecordContext context, CancellationToken cancellationToken)
    {
        using var activity = AdapterTracing.StartSourceRead(AdapterTracing.SourceKinds.DropFolder, agency);
        try
        {
            var outcome = row.Fields is { } fields
                ? await submitter.SubmitAsync(mapper, new DropFolderRecord(name, row.Row, fields), context, cancellationToken)
                : RecordOutcome.Rejected([row.ReadProblem!]);
            AdapterTracing.SourceRead(activity, outcome);
            return outcome;
        }
        catch (Exception ex)
        {
            AdapterTracing.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>Not cancellable: the rows are confirmed, so recording that is cheaper than re-publishing them.</summary>
    private Task SaveCheckpointAsync(string name, DropFileCheckpoint checkpoint) =>
        DurableFile.WriteAsync(_layout.Checkpoint(name), JsonSerializer.SerializeToUtf8Bytes(checkpoint, ContractJson.Options), CancellationToken.None);

    private static DropFile ReadSafely(DropFileFormat format, byte[] content)
    {
        try
        {
            return DropFileReader.Read(format, content);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return new DropFile(format, [], [], "the file is not UTF-8 text");
        }
    }

    private async Task<DropFileReport> QuarantineWholeAsync(string name, string hash, string problem, CancellationToken cancellationToken)
    {
        var report = new DropFileReport { File = name, ContentSha256 = hash, Rows = 0, Published = 0, Quarantined = [], FileProblem = problem, CompletedAt = time.GetUtcNow() };
        await FinishAsync(name, hash, report, _layout.Quarantine);
        SourcesLog.FileQuarantined(logger, submitter.Agency.Value, name);
        cancellationToken.ThrowIfCancellationRequested();
        return report;
    }

    private async Task FinishAsync(string name, string hash, DropFileReport report, string destinationFolder)
    {
        await DurableFile.WriteAsync(_layout.Report(name), JsonSerializer.SerializeToUtf8Bytes(report, ReportJson), CancellationToken.None);
        var destination = Path.Combine(destinationFolder, name);
        if (File.Exists(destination))
        {
            destination = Path.Combine(destinationFolder, $"{Path.GetFileNameWithoutExtension(name)}.{hash[..12]}{Path.GetExtension(name)}");
        }

        File.Move(Path.Combine(_layout.Inbox, name), destination, overwrite: true);
        File.Delete(_layout.Checkpoint(name));
    }

    private async Task<DropFileCheckpoint> ReadCheckpointAsync(string name, string hash, CancellationToken cancellationToken)
    {
        var fresh = new DropFileCheckpoint { ContentSha256 = hash, LastRow = 0, Published = 0, Quarantined = [] };
        var path = _layout.Checkpoint(name);
        if (!File.Exists(path))
        {
            return fresh;
        }

        await using var stream = File.OpenRead(path);
        var stored = await JsonSerializer.DeserializeAsync<DropFileCheckpoint>(stream, ContractJson.Options, cancellationToken);
        return stored is not null && stored.ContentSha256 == hash ? stored : fresh;
    }
}
