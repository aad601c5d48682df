namespace Hub.Adapters.Agencies.Tests.Nhs.R4Forms;

/// <summary>The time an adapter reads a resource at, fixed, for resources that state no time of their own.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
