using Hub.Adapters.Core.Sinks;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// samples/probation/release-list.csv dropped into the probation worker's folder, and what its three rows become:
/// a new notice and its amendment (both resettling in Lewisham, so DSA-001 shares them with all four partners) and a
/// row with invalid fields, which is quarantined.
/// </summary>
internal static class ReleaseListDelivery
{
    public const string SampleFile = "release-list.csv";
    public const string Scheduled = "custody.release.scheduled";
    public const string Amended = "custody.release.amended";

    public static readonly AgencyCode[] Recipients = [AgencyCode.Police, AgencyCode.Council, AgencyCode.Jcp, AgencyCode.Nhs];

    /// <summary>The hub with every agency's worker, the sample list dropped, and both valid rows at every recipient's sink.</summary>
    public static async Task<WorkerHub> DropSampleAsync(ServersFixture servers)
    {
        var hub = await WorkerHub.StartAsync(servers, [AgencyCode.Probation, .. Recipients]);
        try
        {
            await hub.DropAsync(AgencyCode.Probation, SampleFile, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "probation", SampleFile)));
            foreach (var recipient in Recipients)
            {
                await hub.UntilAsync(hub.Sink(recipient).Count, n => n >= 2, $"the notice and its amendment at the {recipient} sink");
            }
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        return hub;
    }

    public static DeliveryDocument Single(WorkerHub hub, AgencyCode recipient, string eventType) =>
        hub.Sink(recipient).Documents().Where(d => d.EventType == eventType).ShouldHaveSingleItem($"one {eventType} at the {recipient} sink");

    /// <summary>The document carries exactly <paramref name="released"/>, names every other present field as withheld, and names its flow.</summary>
    public static void ShouldRelease(DeliveryDocument document, string flow, string purpose, string[] released, string[] present)
    {
        ArgumentNullException.ThrowIfNull(document);
        (document.Agreement, document.Flow, document.Purpose, document.Source).ShouldBe(("DSA-001@4", flow, purpose, "probation"));
        PayloadFields.Of(document.Payload).ShouldBe([.. released.Order(StringComparer.Ordinal)], ignoreOrder: false, customMessage: $"{document.Recipient} receives exactly its flow's fields");
        document.WithheldFields.Order(StringComparer.Ordinal).ToArray().ShouldBe([.. present.Except(released).Order(StringComparer.Ordinal)], ignoreOrder: false, customMessage: $"{document.Recipient} is told what was withheld");
    }
}
