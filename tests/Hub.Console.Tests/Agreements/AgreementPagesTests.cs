using System.Net;
using AngleSharp.Dom;
using Hub.WebConsole.Tests.Infrastructure;

namespace Hub.WebConsole.Tests.Agreements;

/// <summary>The IG lead's pages over a real agreements folder, parsed as a browser would read them.</summary>
public sealed class AgreementPagesTests : IgLeadPages
{
    [Fact]
    public async Task The_register_lists_every_loaded_agreement_with_its_terms()
    {
        var page = await GetAsync("/agreements");

        var row = Row(page, "DSA-001");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe("/agreements/DSA-001");
        row.Text().ShouldContain("DSA-001@4");
        var cells = row.QuerySelectorAll("td").Select(c => c.Text()).ToList();
        cells[1].ShouldBe("probation, police, council, jcp, nhs");
        cells[2].ShouldBe("probation");
        cells[4].ShouldBe("1 Jan 2026");
        cells[5].ShouldBe("1 Jan 2027");
        cells[6].ShouldBe("1 Jan 2028");
        cells[7].ShouldContain("caldicott-guardian CG-LEW-2026-014 (12 Dec 2025)");
        Badges(row).ShouldBe(["Active"]);
        page.QuerySelector("[data-testid=set-hash]").Text().ShouldStartWith("sha256:");
    }

    [Fact]
    public async Task The_register_badges_agreements_expiring_soon_and_overdue_for_review()
    {
        var page = await GetAsync("/agreements");

        Badges(Row(page, "TST-901")).ShouldBe(["Active", "Expiring soon"]);
        Badges(Row(page, "TST-902")).ShouldBe(["Active", "Review overdue"]);
    }

    [Fact]
    public async Task The_register_shows_a_refused_file_with_its_located_error()
    {
        var page = await GetAsync("/agreements");

        page.QuerySelector("[data-agreement=TST-903]").ShouldBeNull();
        var errors = page.QuerySelectorAll("[data-testid=errors] tbody tr").Select(r => r.Text()).ToList();
        errors.ShouldContain(e => e.StartsWith("tst-903-broken.yaml:", StringComparison.Ordinal));
        page.QuerySelectorAll("[data-testid=errors] td code").Select(c => c.Text())
            .ShouldContain(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^tst-903-broken\.yaml:\d+:\d+$"));
    }

    [Fact]
    public async Task An_agreement_page_shows_its_flows_clause_by_clause()
    {
        var page = await GetAsync("/agreements/DSA-001");

        page.QuerySelector("h1").Text().ShouldBe("Prison release notification to resettlement partners (Lewisham IOM)");
        var flow = page.QuerySelector("[data-flow=F1-police-iom]")!;
        var rows = flow.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt").Text(), r => r.QuerySelector("dd").Text());
        rows["Source"].ShouldBe("Probation (HMPPS) (probation)");
        rows["Recipients"].ShouldBe("Police (police)");
        rows["Conditions"].ShouldBe("resettlementArea equals lewisham");
        rows["Obligations"].ShouldBe("keep for at most 730 days; onward sharing forbidden");
        rows["Written at"].ShouldStartWith("dsa-001-release-notification.yaml:");
        page.QuerySelectorAll("[data-testid=sign-off] li").Length.ShouldBe(4);
    }

    [Fact]
    public async Task An_unknown_agreement_is_not_found()
    {
        var response = await Client.GetAsync("/agreements/DSA-999");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Html.ReadAsync(response)).QuerySelector("h1").Text().ShouldBe("Page not found");
    }

    [Fact]
    public async Task The_flow_matrix_shows_forbid_permit_and_nothing()
    {
        var page = await GetAsync("/flow-matrix");

        Verdict(page, "nhs", "health.treatment-continuity.required", "police").ShouldBe("Forbid");
        Verdict(page, "probation", "custody.release.scheduled", "police").ShouldBe("Permit");
        Verdict(page, "probation", "case.lead-professional.changed", "police").ShouldBe("Permit");
        Cell(page, "probation", "case.lead-professional.changed", "police").Text().ShouldNotContain("qualified");
        Verdict(page, "probation", "case.lead-professional.changed", "lambeth").ShouldBe("Nothing");
        var cell = Cell(page, "probation", "custody.release.scheduled", "police");
        cell.Text().ShouldContain("qualified");
        cell.QuerySelectorAll("a").Select(a => a.Text()).ShouldContain("DSA-001@4 F1-police-iom");
    }

    [Fact]
    public async Task The_flow_matrix_can_show_one_source()
    {
        var page = await GetAsync("/flow-matrix?source=nhs");

        page.QuerySelectorAll("table[data-source]").Select(t => t.GetAttribute("data-source")).ShouldBe(["nhs"]);
    }

    private async Task<IDocument> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await Html.ReadAsync(response);
    }

    private static IElement Row(IDocument page, string id) =>
        page.QuerySelector($"[data-testid=register] tr[data-agreement='{id}']") ?? throw new ShouldAssertException($"{id} is not in the register; findings: {page.QuerySelector("[data-testid=errors]").Text()}");

    private static string[] Badges(IElement row) => [.. row.QuerySelectorAll("[data-testid=badge]").Select(b => b.Text())];

    private static IElement Cell(IDocument page, string source, string eventType, string recipient) =>
        page.QuerySelector($"table[data-source='{source}'] tr[data-event-type='{eventType}'] td[data-recipient='{recipient}']")
        ?? throw new ShouldAssertException($"no cell for {source} {eventType} -> {recipient}");

    private static string Verdict(IDocument page, string source, string eventType, string recipient) =>
        Cell(page, source, eventType, recipient).GetAttribute("data-verdict")!;
}
