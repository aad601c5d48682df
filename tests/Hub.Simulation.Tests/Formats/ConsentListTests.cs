using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Simulation.Formats;

namespace Hub.Simulation.Tests.Formats;

/// <summary>
/// The consents list has no mapper in this branch yet, so its rows are checked against the agreed columns and the
/// rules that mapper applies: GIVEN needs purposes, recipients or agreement, given_at and evidence; WITHDRAWN needs withdrawn_at.
/// </summary>
public sealed class ConsentListTests(GeneratedDropFolder folder) : IClassFixture<GeneratedDropFolder>
{
    [Fact]
    public void When_consents_are_read_should_have_exactly_the_agreed_columns()
    {
        var rows = folder.Rows("probation", "consents-*.csv");

        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.Row.ReadProblem == null);
        rows[0].Content.Header.ShouldBe(
        [
            "consent_id", "action", "recorded_at", "pnc_id", "noms_id", "nino", "nhs_number", "purposes", "recipients", "agreement_id",
            "given_at", "expires_at", "withdrawn_at", "evidence_ref",
        ]);
    }

    [Fact]
    public void When_consents_are_read_should_hold_what_each_action_needs_with_valid_identifiers()
    {
        var rows = folder.Rows("probation", "consents-*.csv").Select(r => r.Row.Fields!.Value).ToList();

        foreach (var row in rows)
        {
            string Cell(string name) => row.GetProperty(name).GetString()!;
            new SubjectIdentifiers { PncId = Cell("pnc_id"), Nino = Cell("nino"), NhsNumber = Cell("nhs_number"), LocalId = Cell("noms_id") }.Validate().ShouldBeEmpty();
            DateTimeOffset.TryParse(Cell("recorded_at"), out _).ShouldBeTrue();
            if (Cell("action") == "GIVEN")
            {
                Cell("purposes").Split(';').ShouldBe(["enhanced-resettlement"]);
                (Cell("agreement_id") == "DSA-009" || Cell("recipients").Split(';').All(AgencyCode.IsValid)).ShouldBeTrue();
                DateTimeOffset.TryParse(Cell("given_at"), out _).ShouldBeTrue();
                Cell("evidence_ref").ShouldNotBeEmpty();
                Cell("withdrawn_at").ShouldBeEmpty();
            }
            else
            {
                Cell("action").ShouldBe("WITHDRAWN");
                DateTimeOffset.TryParse(Cell("withdrawn_at"), out _).ShouldBeTrue();
            }
        }

        rows.ShouldContain(r => r.GetProperty("action").GetString() == "GIVEN");
    }

    [Fact]
    public void When_files_are_dropped_should_leave_no_temporary_file_in_any_inbox()
    {
        foreach (var agency in new[] { "probation", "council", "jcp" })
        {
            folder.Files(agency, "*.tmp").ShouldBeEmpty();
            folder.Files(agency, "*").ShouldAllBe(f => DropFileKinds.AgencyOf(KindOf(f)) == agency);
        }
    }

    private static DropFileKind KindOf(string path) =>
        Enum.GetValues<DropFileKind>().Single(k => Path.GetFileName(path).StartsWith(DropFileKinds.PrefixOf(k) + "-", StringComparison.Ordinal));
}
