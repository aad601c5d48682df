using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.WebConsole.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), as a browser would.</summary>
internal static class SignedInClient
{
    public static HttpClient Anonymous(ConsoleFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> CreateAsync(ConsoleFactory factory)
    {
        var client = Anonymous(factory);
        var response = await PostSignInAsync(client, factory.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a right password signs in and redirects");
        return client;
    }

    /// <summary>Fetches the sign-in form and posts it with <paramref name="password"/>; returns the post's response.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string password, string path = "/sign-in")
    {
        var form = await Html.ReadAsync(await client.GetAsync(path));
        var fields = form.QuerySelectorAll("form input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new KeyValuePair<string, string>("Input.Password", password));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }
}
