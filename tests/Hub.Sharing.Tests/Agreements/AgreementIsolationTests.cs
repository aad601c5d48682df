using Hub.Sharing.Agreements;
using Hub.Sharing.Participants;

namespace Hub.Sharing.Tests.Agreements;

/// <summary>One bad agreement never stops the others; only errors that make the whole set ambiguous stop it (ADR 0017).</summary>
public class AgreementIsolationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void When_one_agreement_file_is_invalid_should_refuse_it_and_load_the_others()
    {
        var lint = AgreementLoader.Lint([("good.yaml", AgreementText.Permit()), ("bad.yaml", AgreementText.Permit(id: "DSA-2", recipient: "BAD"))], Today);

        lint.Set.ShouldNotBeNull().Agreements.Select(a => a.Id).ShouldBe(["DSA-T1"]);
        lint.Refused.ShouldBe(["bad.yaml"]);
        lint.HasErrors.ShouldBeTrue("lint still reports the refused file as an error");
        lint.Diagnostics.Where(d => d.IsError).ShouldAllBe(d => d.File == "bad.yaml" && d.Line > 1);
    }

    [Fact]
    public void When_a_file_is_not_yaml_at_all_should_refuse_only_that_file()
    {
        var lint = AgreementLoader.Lint([("good.yaml", AgreementText.Permit()), ("broken.yaml", "id: [unclosed\nflows: {\n")], Today);

        lint.Set.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().Id.ShouldBe("DSA-T1");
        lint.Diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("broken.yaml:");
    }

    [Fact]
    public void When_an_agreement_is_refused_should_name_the_set_by_the_files_that_loaded()
    {
        var alone = AgreementLoader.Lint([("good.yaml", AgreementText.Permit())], Today).Set!;
        var withBad = AgreementLoader.Lint([("good.yaml", AgreementText.Permit()), ("bad.yaml", "id: [")], Today).Set!;

        withBad.Hash.ShouldBe(alone.Hash, "decisions name the set that decided, which does not include the refused file");
    }

    [Fact]
    public void When_two_files_define_one_agreement_id_should_stop_the_whole_set_at_the_second_id()
    {
        var lint = AgreementLoader.Lint([("a.yaml", AgreementText.Permit()), ("b.yaml", AgreementText.Permit()), ("c.yaml", AgreementText.Permit(id: "DSA-C"))], Today);

        lint.Set.ShouldBeNull();
        var error = lint.Diagnostics.ShouldHaveSingleItem();
        error.ToString().ShouldStartWith("b.yaml:1:5: error: agreement id DSA-T1 is defined in more than one file (a.yaml, b.yaml)");
    }

    [Fact]
    public void When_participants_yaml_is_invalid_should_stop_the_whole_set()
    {
        var lint = AgreementLoader.Lint([("a.yaml", AgreementText.Permit()), (ParticipantRegistry.FileName, "participants: oops\n")], Today);

        lint.Set.ShouldBeNull();
        lint.Diagnostics.ShouldHaveSingleItem().File.ShouldBe(ParticipantRegistry.FileName);
    }
}
