using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using MassTransit;

namespace Hub.Contracts.Tests.Wire;

/// <summary>
/// Locks every message's MassTransit wire name (message URN) and event-type name. Renaming or moving a contract
/// breaks every deployed adapter: change WireNames.approved.txt only together with a new contract version.
/// </summary>
public class WireNameApprovalTests
{
    [Fact]
    public void When_contracts_are_built_should_have_exactly_the_approved_wire_names()
    {
        var lines = EventCatalogue.All
            .Select(e => $"{e.Name} => {MessageUrn.ForTypeString(e.ClrType)}")
            .Append($"(delivery) => {MessageUrn.ForTypeString<EventDelivered>()}")
            .Append($"(recall) => {MessageUrn.ForTypeString<RecallRequested>()}")
            .Append($"(recall-ack) => {MessageUrn.ForTypeString<RecallAcknowledged>()}")
            .Append($"(ops-replay) => {MessageUrn.ForTypeString<Hub.Contracts.Operations.V1.DeliveryReplayRequested>()}")
            .Append($"(ops-ingress-replay) => {MessageUrn.ForTypeString<Hub.Contracts.Operations.V1.IngressReplayRequested>()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var received = string.Join('\n', lines) + "\n";
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "WireNames.approved.txt");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");

        if (received != approved)
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "WireNames.received.txt"), received);
        }

        received.ShouldBe(approved, "wire names changed: compare WireNames.received.txt in the test output folder with tests/Hub.Contracts.Tests/WireNames.approved.txt");
    }
}
