using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Hub.WebConsole.Tests.Infrastructure;

/// <summary>Parses a page the console served.</summary>
internal static class Html
{
    public static async Task<IDocument> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(text);
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? string.Empty;
}
