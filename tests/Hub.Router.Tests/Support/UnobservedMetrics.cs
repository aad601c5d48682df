using System.Diagnostics.Metrics;
using Hub.Router.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Support;

/// <summary>Router metrics on a meter factory of their own, for tests that construct a router part but do not read its metrics.</summary>
internal static class UnobservedMetrics
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static RouterMetrics Router { get; } = new(Services.GetRequiredService<IMeterFactory>());
}
