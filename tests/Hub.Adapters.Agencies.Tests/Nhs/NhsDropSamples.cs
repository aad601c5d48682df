using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.Sources;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Agencies.Tests.Nhs;

/// <summary>
/// The NHS samples through the drop folder's own reading path: the SDK's <see cref="DropFileReader"/> splits the
/// file into rows, each row goes to <see cref="NhsFolderMapper"/> and the mapped event through
/// <see cref="RecordSubmitter.Prepare{TRecord}"/>, which validates it as the router will (nothing is published).
/// </summary>
internal static class NhsDropSamples
{
    public static NhsFolderMapper FolderMapper { get; } = CreateFolderMapper();

    public static NhsHttpMapper HttpMapper { get; } = new(new EncounterDischargeMapper(), new MedicationRequestContinuityMapper(), new ServiceRequestReferralMapper(), new MeasureReportIndicatorsMapper());

    /// <summary>Only <see cref="RecordSubmitter.Prepare{TRecord}"/> is used, which needs neither scopes nor a broker.</summary>
    public static RecordSubmitter Submitter { get; } = new(null!, Options.Create(new AdapterOptions { Agency = "nhs" }), NullLogger<RecordSubmitter>.Instance);

    public static DropFile Read(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        DropFileReader.TryFormatOf(name, out var format).ShouldBeTrue();
        return DropFileReader.Read(format, File.ReadAllBytes(RepoPaths.Sample("nhs", relativePath)));
    }

    /// <summary>Each row of a dropped sample as the source would submit it: the event, or the row's problems.</summary>
    public static IReadOnlyList<RecordMapping> Map(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        var file = Read(relativePath);
        file.FileProblem.ShouldBeNull();
        return [.. file.Rows.Select(row => row.Fields is { } fields
            ? Submitter.Prepare(FolderMapper, new DropFolderRecord(name, row.Row, fields), Context(name, row.Row))
            : RecordMapping.Rejected([row.ReadProblem!]))];
    }

    public static RecordContext Context(string name, int row) =>
        new(AgencyCode.Nhs, SourceEventIds.ForFileRow(AgencyCode.Nhs, "sample", row), $"{name} row {row}");

    private static NhsFolderMapper CreateFolderMapper()
    {
        var discharges = new EncounterDischargeMapper();
        var continuity = new MedicationRequestContinuityMapper();
        var referrals = new ServiceRequestReferralMapper();
        var indicators = new MeasureReportIndicatorsMapper();
        return new NhsFolderMapper(discharges, continuity, referrals, indicators, new NhsResourceMapper(discharges, continuity, referrals, indicators));
    }
}
