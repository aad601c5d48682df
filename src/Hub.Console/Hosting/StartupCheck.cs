using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Hosting;

/// <summary>
/// Runs the start-up validation (every <c>ValidateOnStart</c> options type) before the host starts, so a refused
/// configuration is reported as its failures alone, one line, instead of the host's start-up exception.
/// </summary>
public static class StartupCheck
{
    public static IReadOnlyList<string> Failures(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }
}
