namespace Hub.LoadHarness.Chaos;

/// <summary>One scenario's outcome: a row of the chaos table, and the JSON <c>--out</c> writes.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Fault">What was done, and to what.</param>
/// <param name="Events">Rows in the release list.</param>
/// <param name="Seed">The seed of the simulator and of the fault's moment (and victim).</param>
/// <param name="FaultAfterDecisions">Events decided when the fault's moment came; the fault follows within the time its command takes (for broker-node-kill, asking the cluster which node leads the queue).</param>
/// <param name="Tally">What the ledger and the sinks hold afterwards.</param>
/// <param name="RecoverySeconds">From the fault until progress resumed after its last stall (0: no stall), null if the fault never happened.</param>
/// <param name="RepairSeconds">From the fault until its repair (restart, promotion, SIGCONT…) had finished.</param>
/// <param name="Seconds">From the drop of the list until the last check.</param>
/// <param name="VerifyExitCode">Exit code of <c>hub audit verify</c> on the ledger (0: intact).</param>
/// <param name="DeadLetters">Messages in the dead-letter queues afterwards.</param>
/// <param name="NotRunning">Hub processes not running afterwards (none may be: nobody restarts anything by hand).</param>
/// <param name="Consuming">Every ingress and delivery queue had its consumer again afterwards.</param>
/// <param name="Error">Why the run did not complete, or null.</param>
public sealed record ChaosResult(
    string Scenario,
    string Fault,
    int Events,
    int Seed,
    long? FaultAfterDecisions,
    ChaosTally? Tally,
    double? RecoverySeconds,
    double? RepairSeconds,
    double Seconds,
    int? VerifyExitCode,
    long? DeadLetters,
    IReadOnlyList<string> NotRunning,
    bool Consuming,
    string? Error)
{
    public bool Passed => Error is null && Tally is { Lost: 0, DuplicateEffects: 0, Unaccounted: 0 } && RecoverySeconds is not null
        && VerifyExitCode == 0 && DeadLetters == 0 && NotRunning.Count == 0 && Consuming;

    public string Verify => VerifyExitCode switch { 0 => "OK", null => "not run", var code => $"FAILED ({code})" };
}
