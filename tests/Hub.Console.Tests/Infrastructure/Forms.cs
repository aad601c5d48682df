using AngleSharp.Html.Dom;

namespace Hub.WebConsole.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: fetches the page, keeps its hidden fields (antiforgery token, form name), adds the values.</summary>
internal static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        var page = await Html.ReadAsync(await client.GetAsync(path));
        var form = page.QuerySelector(formSelector) ?? throw new ShouldAssertException($"{path} has no form {formSelector}");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }
}
