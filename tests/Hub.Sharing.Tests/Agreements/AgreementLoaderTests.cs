using Hub.Sharing.Agreements;

namespace Hub.Sharing.Tests.Agreements;

public class AgreementLoaderTests
{
    [Fact]
    public void When_loading_the_shipped_samples_should_succeed_with_a_stable_hash()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        var first = AgreementLoader.LoadDirectory(folder);
        var second = AgreementLoader.LoadDirectory(folder);

        first.Agreements.Count.ShouldBeGreaterThanOrEqualTo(2);
        first.Hash.ShouldBe(second.Hash);
        first.Hash.ShouldStartWith("sha256:");
    }

    [Fact]
    public void When_any_text_changes_should_change_the_hash()
    {
        var a = AgreementLoader.Load([("a.yaml", AgreementText.Permit())]);
        var b = AgreementLoader.Load([("a.yaml", AgreementText.Permit(fields: "[releaseDate]"))]);
        a.Hash.ShouldNotBe(b.Hash);
    }

    [Theory]
    [InlineData("[releaseDate, favouriteColour]", "field 'favouriteColour' does not exist on custody.release.scheduled")]
    [InlineData("[]", "permits sharing but releases no fields")]
    public void When_fields_are_wrong_should_name_the_problem(string fields, string expected) =>
        Errors(AgreementText.Permit(fields: fields)).ShouldContain(e => e.Message.Contains(expected));

    [Fact]
    public void When_event_type_is_unknown_should_say_so() =>
        Errors(AgreementText.Permit(eventType: "custody.escape.planned")).ShouldContain(e => e.Message.Contains("event type 'custody.escape.planned' is not in the event catalogue"));

    [Fact]
    public void When_recipient_is_not_an_agency_code_should_say_so() =>
        Errors(AgreementText.Permit(recipient: "Police Dept")).ShouldContain(e => e.Message.Contains("'Police Dept' is not a known agency"));

    [Fact]
    public void When_dates_are_out_of_order_should_say_so() =>
        Errors(AgreementText.Permit(effective: "2027-01-01", expires: "2026-01-01")).ShouldContain(e => e.Message == "expires must be after effective");

    [Fact]
    public void When_yaml_has_an_unknown_key_should_give_line_and_column()
    {
        var error = Errors("id: X\nversion: 1\nstatus: active\neffective: 2026-01-01\ncolour: blue\nflows: []\n").Single(e => e.Message.Contains("colour"));
        error.File.ShouldBe("t.yaml");
        error.Line.ShouldBe(5);
        error.Column.ShouldBe(1);
        error.Message.ShouldBe("an agreement has no key 'colour'");
    }

    [Fact]
    public void When_two_files_share_an_id_should_refuse_the_set()
    {
        var ex = Should.Throw<AgreementValidationException>(() => AgreementLoader.Load([("a.yaml", AgreementText.Permit()), ("b.yaml", AgreementText.Permit())]));
        ex.Errors.ShouldContain(e => e.Message.Contains("defined in more than one file"));
    }

    [Fact]
    public void When_loading_all_or_nothing_and_one_file_of_several_is_invalid_should_throw_with_its_errors()
    {
        var ex = Should.Throw<AgreementValidationException>(() => AgreementLoader.Load([("good.yaml", AgreementText.Permit()), ("bad.yaml", AgreementText.Permit(id: "DSA-2", recipient: "BAD"))]));
        ex.Errors.ShouldAllBe(e => e.File == "bad.yaml");
    }

    private static IReadOnlyList<AgreementDiagnostic> Errors(string text) =>
        Should.Throw<AgreementValidationException>(() => AgreementLoader.Load([("t.yaml", text)])).Errors;
}
