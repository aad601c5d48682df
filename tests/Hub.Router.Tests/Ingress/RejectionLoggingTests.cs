using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Topology;
using Hub.Router.Ingress;
using Hub.Router.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Tests.Ingress;

/// <summary>Refusals are expected input: one Warning each, without an exception or stack trace, and never a consume fault.</summary>
public sealed class RejectionLoggingTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    /// <summary>Refusals the consumer makes; an oversized body never reaches it (OversizedEventTests).</summary>
    public static TheoryData<string> Refusals() => ["forged-source", "malformed"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task When_an_ingress_event_is_refused_should_log_a_warning_without_a_stack_trace_and_still_dead_letter_it(string code)
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: 8192);
        var release = code == "forged-source" ? TestEvents.Release(source: AgencyCode.Police) : WithNino(TestEvents.Release(), BadNino);

        var messageId = await host.SendAsync(AgencyCode.Probation, release);

        var error = await host.WaitForErrorQueueAsync(messageId);
        error.Queue.ShouldBe("hub.ingress.probation_error");
        error.FaultExceptionType.ShouldBe(typeof(IngressRejectedException).FullName);
        error.FaultMessage.ShouldNotBeNull().ShouldStartWith(code);
        (await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId)).Exception.ShouldBeNull("a consume fault is what MassTransit logs at Error with the stack trace");
        host.Faults.Faulted.ShouldNotContain(messageId);
        var warning = host.Logs.Entries.Where(e => e.Category == typeof(RejectionRecorder).FullName).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Exception.ShouldBeNull();
        warning.Message.ShouldContain(code);
        host.Logs.Entries.ShouldNotContain(e => e.Exception is IngressRejectedException, "no log call carries the refusal as an exception");
        host.Logs.Entries.ShouldNotContain(e => e.Level >= LogLevel.Error);
        host.Logs.Entries.ShouldNotContain(e => e.Message.Contains(BadNino, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_a_body_cannot_be_read_should_ledger_it_as_malformed_and_log_a_warning_without_faulting()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);

        var messageId = await host.SendAsync(AgencyCode.Probation, new UnreadableRelease(5, "soon"));

        var row = (await host.WaitForLedgerAsync(r => r.Count > 0, "the rejection row")).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Malformed);
        row.MessageId.ShouldBe(messageId.ToString());
        var warning = host.Logs.Entries.Where(e => e.Category == typeof(RejectionRecorder).FullName).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Exception.ShouldBeNull();
        await host.Faults.WaitForReceiveEndAsync(messageId, HubTopology.IngressQueue(AgencyCode.Probation));
        host.Faults.Faulted.ShouldNotContain(messageId, host.Faults.Describe());
        host.Logs.Entries.ShouldNotContain(e => e.Level >= LogLevel.Error);
        (await host.ReadLedgerAsync()).ShouldHaveSingleItem("moved to _error only, not also ledgered as an unknown type on its way to _skipped");
    }

    [Fact]
    public async Task When_an_event_has_an_invalid_nino_should_say_which_rule_failed_without_echoing_it()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);

        var messageId = await host.SendAsync(AgencyCode.Probation, WithNino(TestEvents.Release(), BadNino));

        await host.WaitForErrorQueueAsync(messageId);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Reasons.ShouldBe([RejectionCodes.Malformed, "subject.nino is not a valid National Insurance number (invalid first letter: the prefix must be capital letters, never D, F, I, Q, U or V)"]);
    }

    private const string BadNino = "QA123456C";

    private static ReleaseScheduled WithNino(ReleaseScheduled release, string nino) =>
        release with { Envelope = release.Envelope with { Subject = release.Envelope.Subject! with { Nino = nino } } };
}
