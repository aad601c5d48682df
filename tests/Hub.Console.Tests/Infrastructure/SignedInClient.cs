using System.Net;
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
    public static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string password, string path = "/sign-in") =>
        Forms.PostAsync(client, path, new Dictionary<string, string> { ["Input.Password"] = password });
}
