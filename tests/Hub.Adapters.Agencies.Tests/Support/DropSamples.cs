using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Agencies.Tests.Support;

/// <summary>
/// A sample file through the SDK's own reading path: <see cref="DropFileReader"/> splits it into rows as the drop
/// folder does, and <see cref="RecordSubmitter.Prepare{TRecord}"/> maps and validates each row the way the source
/// does before publishing (catalogue, envelope, source agency), without a broker.
/// </summary>
public static class DropSamples
{
    public static IReadOnlyList<DropFolderRecord> Read(string agency, string file)
    {
        DropFileReader.TryFormatOf(file, out var format).ShouldBeTrue();
        var dropped = DropFileReader.Read(format, File.ReadAllBytes(RepoPaths.Sample(agency, file)));
        dropped.FileProblem.ShouldBeNull();
        dropped.Rows.ShouldAllBe(r => r.ReadProblem == null);
        return [.. dropped.Rows.Select(r => new DropFolderRecord(file, r.Row, r.Fields!.Value))];
    }

    /// <summary>
    /// The rows bound to <typeparamref name="TRecord"/> by the SDK's <see cref="RecordBinder"/> (snake_case for CSV,
    /// camelCase for JSON), for tests of one record mapper; the binder's mapper step only captures the record.
    /// </summary>
    public static IReadOnlyList<TRecord> Records<TRecord>(string agency, string file)
        where TRecord : class
    {
        var naming = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? RecordNaming.SnakeCase : RecordNaming.CamelCase;
        var records = new List<TRecord>();
        foreach (var row in Read(agency, file))
        {
            RecordBinder.Map<TRecord, ConsentWithdrawn>(row.Fields, naming, record =>
            {
                records.Add(record);
                return MappingResult<ConsentWithdrawn>.Failure([new FieldProblem("row", "captured for the test")]);
            });
        }

        return records;
    }

    public static IReadOnlyList<RecordMapping> Prepare(IRecordMapper<DropFolderRecord> mapper, string agency, string file)
    {
        var submitter = Submitter(agency);
        return [.. Read(agency, file).Select(r => submitter.Prepare(mapper, r, new RecordContext(submitter.Agency, Guid.NewGuid(), $"{file} row {r.Row}")))];
    }

    public static RecordSubmitter Submitter(string agency) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new AdapterOptions { Agency = new AgencyCode(agency).Value }),
        NullLogger<RecordSubmitter>.Instance);
}
