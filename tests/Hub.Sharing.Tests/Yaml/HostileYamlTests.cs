using Hub.Sharing.Agreements;
using Hub.Sharing.Agreements.Yaml;
using Hub.Sharing.Cases;
using Hub.Sharing.Participants;

namespace Hub.Sharing.Tests.Yaml;

/// <summary>
/// Every file the hub reads from an IG lead (agreements, case files, participants.yaml) is refused with a located error
/// when it is built to exhaust the parser. The limits are enforced event by event while parsing (YamlLimits), so these
/// complete in bounded time and memory by construction; without them deep nesting overflows the stack and the
/// alias cases grow exponentially wherever the tree is walked.
/// </summary>
public class HostileYamlTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void When_an_agreement_nests_lists_ten_thousand_deep_should_refuse_it_at_the_level_past_the_limit()
    {
        var error = AgreementErrors(HostileYaml.DeepList("id: DSA-X\nversion: 1\n", "flows", 10_000)).ShouldHaveSingleItem();

        (error.File, error.Line).ShouldBe(("deep.yaml", 3));
        error.Column.ShouldBeInRange("flows: ".Length + YamlLimits.MaxDepth, "flows: ".Length + YamlLimits.MaxDepth + 1, "at the first bracket past the limit, not the outermost");
        error.ToString().ShouldContain($": error: not valid YAML: the file nested more than {YamlLimits.MaxDepth} levels deep");
    }

    [Fact]
    public void When_an_agreement_fans_out_one_anchor_to_many_aliases_should_refuse_it_at_the_first_alias_past_the_limit()
    {
        var error = AgreementErrors(HostileYaml.AliasFanOut("id: DSA-X\n", "flows", 5_000)).ShouldHaveSingleItem();

        // Line 1 is the id, 2 the anchor, 3 "flows:", then one alias a line.
        (error.File, error.Line, error.Column).ShouldBe(("deep.yaml", 3 + YamlLimits.MaxAliases + 1, 5));
        error.Message.ShouldContain($"uses more than {YamlLimits.MaxAliases} aliases");
    }

    [Fact]
    public void When_a_case_file_holds_a_billion_laughs_should_refuse_it_where_the_expansion_passes_the_limit()
    {
        var (cases, diagnostics) = CaseFile.Read("laughs.yaml", HostileYaml.BillionLaughs("name: a case\nsource: probation\n", "event"));

        cases.ShouldBeEmpty();
        var error = diagnostics.ShouldHaveSingleItem();
        error.File.ShouldBe("laughs.yaml");
        error.Message.ShouldContain($"expands to more than {YamlLimits.MaxExpandedNodes:N0} values");

        // About 10^n values by level n: the limit (10^5) is first passed inside level 5, on line 4 + 5 = 9.
        error.Line.ShouldBe(9);
    }

    [Fact]
    public void When_participants_yaml_nests_too_deep_should_stop_the_set_with_a_located_error()
    {
        var lint = AgreementLoader.Lint([("a.yaml", AgreementText.Permit()), (ParticipantRegistry.FileName, HostileYaml.DeepList(string.Empty, "participants", 500))], Today);

        lint.Set.ShouldBeNull();
        var error = lint.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        (error.File, error.Line).ShouldBe((ParticipantRegistry.FileName, 1));
        error.Message.ShouldContain("levels deep");
    }

    [Fact]
    public void When_a_file_is_larger_than_the_limit_should_refuse_it_without_parsing()
    {
        var huge = "id: DSA-X\n# " + new string('x', YamlLimits.MaxCharacters) + "\n";

        AgreementErrors(huge).ShouldHaveSingleItem().ToString().ShouldStartWith("deep.yaml:1:1: error: the file is larger than");
    }

    [Fact]
    public void When_a_file_has_more_errors_than_the_limit_should_list_the_first_and_count_the_rest()
    {
        var text = AgreementText.Permit() + "\n" + string.Concat(Enumerable.Range(1, 150).Select(i => $"unknown{i}: x\n"));

        var errors = AgreementErrors(text);

        errors.Count.ShouldBe(YamlLimits.MaxErrorsPerFile + 1);
        errors.ShouldContain(e => e.Message.StartsWith("50 more error(s) from here are not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void When_a_file_holds_two_documents_should_point_at_the_second()
    {
        var error = AgreementErrors(AgreementText.Permit() + "\n---\nid: DSA-OTHER\n").ShouldHaveSingleItem();

        error.Message.ShouldContain("more than one YAML document");
        error.Line.ShouldBe(AgreementText.Permit().Split('\n').Length + 2);
    }

    [Fact]
    public void When_an_agreement_repeats_a_key_should_point_at_the_repeat()
    {
        var error = AgreementErrors("id: DSA-X\nversion: 1\nid: DSA-Y\n").ShouldHaveSingleItem();

        (error.Line, error.Message).ShouldBe((3, "not valid YAML: Duplicate key id"));
    }

    [Fact]
    public void When_an_agreement_uses_a_list_as_a_key_should_locate_it_instead_of_ignoring_it()
    {
        var errors = AgreementErrors(AgreementText.Permit() + "\n? [status, owner]\n: active\n");

        errors.ShouldHaveSingleItem().ToString().ShouldBe($"deep.yaml:{AgreementText.Permit().Split('\n').Length + 1}:3: error: an agreement has a key that is a list or a block; keys are single words such as id");
    }

    [Fact]
    public void When_a_case_file_has_more_errors_than_the_limit_should_list_the_first_and_count_the_rest()
    {
        var cases = "cases:\n" + string.Concat(Enumerable.Range(1, 150).Select(i => $"  - name: case {i}\n"));

        var (_, diagnostics) = CaseFile.Read("many.yaml", cases);

        diagnostics.Count.ShouldBe(YamlLimits.MaxErrorsPerFile + 1);
        diagnostics[^1].Message.ShouldStartWith("200 more error(s) from here are not listed", Case.Sensitive, "each case lacks its type and its time");
    }

    [Fact]
    public void When_the_case_below_is_unchanged_should_read_it_without_errors() =>
        CaseFile.Read("keys.yaml", ValidCase).Diagnostics.ShouldBeEmpty();

    [Fact]
    public void When_a_case_uses_a_list_as_a_key_under_expect_should_locate_it_instead_of_failing()
    {
        var (_, diagnostics) = CaseFile.Read("keys.yaml", ValidCase.Replace("  police: { decision: deny }", "  ? [police, nhs]\n  : { decision: deny }", StringComparison.Ordinal));

        var error = diagnostics.ShouldHaveSingleItem();
        error.Message.ShouldBe("a release: each key under expect must be an agency code");
        (error.Line, error.Column).ShouldBe((18, 5));
    }

    [Fact]
    public void When_a_case_event_uses_a_mapping_as_a_key_should_locate_it_instead_of_failing()
    {
        var (_, diagnostics) = CaseFile.Read("keys.yaml", ValidCase.Replace("  establishment: HMP Fictional", "  ? { establishment: HMP Fictional }\n  : x", StringComparison.Ordinal));

        var error = diagnostics.ShouldHaveSingleItem();
        error.Message.ShouldBe("a release: event keys must be field names, not lists or mappings");
        (error.Line, error.Column).ShouldBe((14, 5));
    }

    private const string ValidCase = """
        name: a release
        source: probation
        type: custody.release.scheduled
        at: 2026-12-02T16:00:00Z
        event:
          envelope:
            eventId: 5d1e7a20-2b6c-4f0e-8d3a-1a2b3c4d0901
            occurredAt: 2026-12-02T15:45:00Z
            source: probation
            classification: criminal-offence
            subject: { localId: PRB-000522 }
            consent: { legalGateway: crime-and-disorder-s115, collectionPurpose: offender-management }
          releaseDate: 2026-12-11
          establishment: HMP Fictional
          sentenceBand: under-12-months
          resettlementArea: lewisham
        expect:
          police: { decision: deny }
        """;

    private static List<AgreementDiagnostic> AgreementErrors(string text) =>
        [.. AgreementLoader.Lint([("deep.yaml", text)], Today).Diagnostics.Where(d => d.IsError)];
}
