using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Participants;

namespace Hub.Sharing.Tests.Participants;

/// <summary>participants.yaml: further agencies an agreement set may name, checked like an agreement file.</summary>
public class ParticipantRegistryTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private const string TwoBoroughs = """
        # comments are fine
        participants:
          - code: lambeth
            name: London Borough of Lambeth
            kind: statutory
            localAuthority: lambeth
          - code: st-giles
            name: St Giles Trust
            kind: third-sector
        """;

    [Fact]
    public void When_there_is_no_participants_file_should_know_the_five_well_known_agencies_only()
    {
        var set = AgreementLoader.Load([("a.yaml", AgreementText.Permit())], Today);

        set.Participants.Codes.ShouldBe(AgencyCode.WellKnown);
        Errors(AgreementText.Permit(recipient: "lambeth")).ShouldContain(e => e.Message.Contains("'lambeth' is not a known agency (police, probation, jcp, nhs, council); declare other participants in participants.yaml"));
    }

    [Fact]
    public void When_participants_are_declared_should_let_agreements_name_them_and_list_them_after_the_five()
    {
        var set = AgreementLoader.Load([("a.yaml", AgreementText.Permit(recipient: "st-giles")), ("participants.yaml", TwoBoroughs)], Today);

        set.Agreements.Single().Flows.Single().Recipients.ShouldBe([new AgencyCode("st-giles")]);
        set.Participants.Codes.Select(c => c.Value).ShouldBe(["police", "probation", "jcp", "nhs", "council", "lambeth", "st-giles"]);
        var lambeth = set.Participants.Find(new AgencyCode("lambeth"))!;
        lambeth.Kind.ShouldBe(ParticipantKind.Statutory);
        lambeth.LocalAuthority.ShouldBe("lambeth");
        lambeth.Location.ShouldBe(new SourceLocation("participants.yaml", 3, 5));
        set.Participants.Find(new AgencyCode("st-giles"))!.Kind.ShouldBe(ParticipantKind.ThirdSector);
    }

    [Fact]
    public void When_the_participants_file_changes_should_change_the_set_hash()
    {
        var before = AgreementLoader.Load([("a.yaml", AgreementText.Permit()), ("participants.yaml", TwoBoroughs)], Today);
        var after = AgreementLoader.Load([("a.yaml", AgreementText.Permit()), ("participants.yaml", TwoBoroughs.Replace("St Giles Trust", "St Giles", StringComparison.Ordinal))], Today);

        before.Hash.ShouldNotBe(after.Hash);
    }

    [Theory]
    [InlineData("participants:\n  - code: lambeth\n    name: Lambeth\n    kind: statutary\n", 4, 11, "participant lambeth: kind 'statutary' is not statutory, third-sector or private (did you mean 'statutory'?)")]
    [InlineData("participants:\n  - code: council\n    name: Lewisham\n    kind: statutory\n", 2, 11, "council is a well-known agency and is always a participant; remove this entry")]
    [InlineData("participants:\n  - code: Lambeth Council\n    name: Lambeth\n    kind: statutory\n", 2, 11, "'Lambeth Council' is not an agency code: 2-32 lower-case letters, digits or hyphens, starting with a letter")]
    [InlineData("participants:\n  - code: lambeth\n    name: A\n    kind: statutory\n  - code: lambeth\n    name: B\n    kind: private\n", 5, 11, "participant lambeth is declared more than once")]
    [InlineData("participants:\n  - code: lambeth\n    kind: statutory\n", 2, 5, "participant lambeth has no name")]
    [InlineData("participants:\n  - name: Lambeth\n    kind: statutory\n", 2, 5, "a participant has no code")]
    [InlineData("participants:\n  - code: lambeth\n    name: Lambeth\n    kind: statutory\n    area: lambeth\n", 5, 5, "a participant has no key 'area'")]
    [InlineData("participants: lambeth\n", 1, 15, "participants must be a list of code/name/kind entries")]
    [InlineData("members: []\n", 1, 1, "the participants file has no key 'members'")]
    [InlineData("participants:\n  - [lambeth]\n", 2, 5, "a participant must be a set of key: value lines")]
    public void When_the_participants_file_is_wrong_should_locate_the_problem_and_refuse_the_set(string text, int line, int column, string message)
    {
        var lint = AgreementLoader.Lint([("a.yaml", AgreementText.Permit()), ("participants.yaml", text)], Today);

        lint.Set.ShouldBeNull();
        lint.Diagnostics.ShouldContain(d => d.File == "participants.yaml" && d.Line == line && d.Column == column && d.ToString().Contains(message, StringComparison.Ordinal), string.Join(Environment.NewLine, lint.Diagnostics));
    }

    [Fact]
    public void When_a_participant_has_a_bad_kind_should_not_also_report_every_agreement_naming_it()
    {
        var lint = AgreementLoader.Lint([("a.yaml", AgreementText.Permit(recipient: "lambeth")), ("participants.yaml", "participants:\n  - code: lambeth\n    name: Lambeth\n    kind: council\n")], Today);

        lint.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem().File.ShouldBe("participants.yaml");
    }

    [Fact]
    public void When_the_participants_file_is_empty_should_declare_no_one()
    {
        var set = AgreementLoader.Load([("a.yaml", AgreementText.Permit()), ("participants.yaml", "# nobody yet\n")], Today);

        set.Participants.Codes.ShouldBe(AgencyCode.WellKnown);
    }

    [Fact]
    public void When_a_participant_is_not_a_party_should_still_need_listing_in_parties()
    {
        var text = AgreementText.Permit(recipient: "lambeth").Replace("effective: 2026-01-01", "parties: [probation, police]\neffective: 2026-01-01", StringComparison.Ordinal);

        Errors(text, TwoBoroughs).ShouldContain(e => e.Message.Contains("lambeth is not a party to this agreement"));
    }

    private static List<AgreementDiagnostic> Errors(string agreement, string? participants = null)
    {
        List<(string, string)> files = [("t.yaml", agreement)];
        if (participants is not null)
        {
            files.Add(("participants.yaml", participants));
        }

        return [.. AgreementLoader.Lint(files, Today).Diagnostics.Where(d => d.IsError)];
    }
}
