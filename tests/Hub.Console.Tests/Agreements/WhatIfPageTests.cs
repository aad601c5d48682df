using System.Net;
using AngleSharp.Dom;
using Hub.Sharing.Cases;
using Hub.WebConsole.Tests.Infrastructure;

namespace Hub.WebConsole.Tests.Agreements;

/// <summary>The what-if page decides a case as <c>hub rules test</c> expects it, through the real form.</summary>
public sealed class WhatIfPageTests : IgLeadPages
{
    [Fact]
    public async Task A_sample_case_pack_is_decided_as_its_expectations_say()
    {
        var text = await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "cases", "as-01-release-notice.cases.yaml"));
        var (cases, _) = CaseFile.Read("as-01.yaml", text);

        var page = await ExplainAsync(text);

        var tables = page.QuerySelectorAll("[data-testid=decisions]");
        tables.Length.ShouldBe(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            cases[i].Expect.ShouldNotBeEmpty();
            foreach (var (recipient, expected) in cases[i].Expect)
            {
                var row = tables[i].QuerySelector($"tr[data-recipient='{recipient}']") ?? throw new ShouldAssertException($"{cases[i].Name}: no row for {recipient}");
                row.GetAttribute("data-outcome").ShouldBe(expected.Allow ? "allow" : "deny", $"{cases[i].Name} -> {recipient}");
                if (expected.Fields is { } fields)
                {
                    row.QuerySelector("[data-field=released]").Text().ShouldBe(fields.Count == 0 ? "nothing" : string.Join(", ", fields.Order(StringComparer.Ordinal)), $"{cases[i].Name} -> {recipient}");
                }
            }
        }
    }

    [Fact]
    public async Task Deciding_at_a_later_instant_uses_the_agreements_in_force_then()
    {
        var text = await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "cases", "as-01-release-notice.cases.yaml"));

        var page = await ExplainAsync(text, at: "2028-02-01T09:00:00Z");

        page.QuerySelectorAll("[data-testid=decisions] tr[data-outcome=allow]").ShouldBeEmpty("DSA-001 expires on 1 Jan 2028");
        page.QuerySelectorAll("[data-testid=decisions] tr[data-outcome=deny]").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_case_with_errors_is_refused_with_their_locations()
    {
        var page = await ExplainAsync("source: probation\ntype: custody.release.sheduled\nat: 2026-11-23T10:00:00Z\nevent: {}\n");

        var problems = page.QuerySelector("[data-testid=problems]").Text();
        problems.ShouldContain("line 2, column 7: ");
        problems.ShouldContain("custody.release.scheduled");
        page.QuerySelector("[data-testid=decisions]").ShouldBeNull();
    }

    private async Task<IDocument> ExplainAsync(string caseText, string at = "")
    {
        var response = await Forms.PostAsync(Client, "/what-if", new Dictionary<string, string> { ["Input.CaseText"] = caseText, ["Input.At"] = at });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await Html.ReadAsync(response);
    }
}
