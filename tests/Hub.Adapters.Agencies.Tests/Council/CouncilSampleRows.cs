using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Agencies.Tests.Council;

/// <summary>
/// A council sample file read the way the drop folder reads it (the SDK's <see cref="DropFileReader"/> and CSV parser),
/// each row handed to a folder mapper as the source would.
/// </summary>
internal static class CouncilSampleRows
{
    public static IReadOnlyList<DropFolderRecord> Read(string file)
    {
        DropFileReader.TryFormatOf(file, out var format).ShouldBeTrue();
        var read = DropFileReader.Read(format, File.ReadAllBytes(RepoPaths.Sample("council", file)));
        read.FileProblem.ShouldBeNull();
        return [.. read.Rows.Select(row =>
        {
            row.ReadProblem.ShouldBeNull();
            return new DropFolderRecord(file, row.Row, row.Fields!.Value);
        })];
    }

    public static IReadOnlyList<RecordMapping> Map(IRecordMapper<DropFolderRecord> mapper, string file) =>
        [.. Read(file).Select(r => mapper.Map(r, new RecordContext(AgencyCode.Council, Guid.NewGuid(), $"{file} row {r.Row}")))];
}
