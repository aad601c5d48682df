using Hub.Reports.Subject;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Reports.Rendering;

/// <summary>Renders a report's Razor component to a complete HTML document, outside any web host (Razor's <see cref="HtmlRenderer"/>).</summary>
public static class ReportRenderer
{
    public static async Task<string> SubjectReportHtmlAsync(SubjectReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(SubjectReportPage.Report)] = report });
            var output = await renderer.RenderComponentAsync<SubjectReportPage>(parameters);
            return output.ToHtmlString();
        });
    }
}
