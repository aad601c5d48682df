namespace Hub.Sharing.Benchmarks;

/// <summary>How the N generated flows are spread over the (source, event type, recipient) keys.</summary>
public enum Layout
{
    /// <summary>Round-robin over all 260 keys: the measured keys hold ceil(N / 260) flows each, so per-key work grows with N.</summary>
    Uniform,

    /// <summary>The four measured keys hold exactly <see cref="AgreementGenerator.FixedFlowsPerHotKey"/> flows each at every N; the rest go round-robin over the other 256 keys.</summary>
    FixedHotKey,
}
