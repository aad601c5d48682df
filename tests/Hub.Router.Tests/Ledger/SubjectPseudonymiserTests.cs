using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Ledger;

public sealed class SubjectPseudonymiserTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static readonly SubjectIdentifiers Subject = new()
    {
        NhsNumber = "9434765919",
        PncId = PncId.Create(2019, 412345),
        Nino = "JY123456C",
        LocalId = "PRB-000417",
    };

    [Fact]
    public void When_the_key_is_the_same_should_give_the_same_pseudonym_every_time()
    {
        var first = Create(Key);
        var second = Create(Key);

        second.Pseudonymise(Subject, AgencyCode.Probation).ShouldBe(first.Pseudonymise(Subject, AgencyCode.Probation));
        first.Pseudonym("nhs", Subject.NhsNumber!).ShouldBe(first.Pseudonym("nhs", Subject.NhsNumber!));
    }

    [Fact]
    public void When_the_key_differs_should_give_different_pseudonyms()
    {
        var other = Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        other.Pseudonym("nhs", Subject.NhsNumber!).ShouldNotBe(Create(Key).Pseudonym("nhs", Subject.NhsNumber!));
    }

    [Fact]
    public void When_an_identifier_differs_only_in_case_or_surrounding_whitespace_should_give_the_same_pseudonym()
    {
        var pseudonymiser = Create(Key);

        pseudonymiser.Pseudonym("pnc", " 2019/0412345p\t").ShouldBe(pseudonymiser.Pseudonym("pnc", "2019/0412345P"));
        pseudonymiser.Pseudonym("nino", "jy123456c ").ShouldBe(pseudonymiser.Pseudonym("nino", "JY123456C"));
    }

    [Fact]
    public void When_the_same_value_is_under_two_schemes_should_give_different_pseudonyms()
    {
        var pseudonymiser = Create(Key);

        pseudonymiser.Pseudonym("local", "9434765919").ShouldNotBe(pseudonymiser.Pseudonym("nhs", "9434765919"));
    }

    [Fact]
    public void When_a_subject_is_pseudonymised_should_return_scheme_prefixed_hashes_and_never_a_raw_identifier()
    {
        var pseudonyms = Create(Key).Pseudonymise(Subject, AgencyCode.Probation);

        pseudonyms.Select(p => p.Split(':')[0]).ShouldBe(["nhs", "pnc", "nino", "local.probation"]);
        pseudonyms.ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^[a-z.-]+:[0-9a-f]{32}$"));
        foreach (var raw in new[] { Subject.NhsNumber!, Subject.PncId!, Subject.Nino!, Subject.LocalId! })
        {
            pseudonyms.ShouldAllBe(p => !p.Contains(raw, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void When_a_subject_has_only_some_identifiers_should_pseudonymise_only_those()
    {
        var pseudonymiser = Create(Key);

        pseudonymiser.Pseudonymise(new SubjectIdentifiers { PncId = Subject.PncId, LocalId = "  " }, AgencyCode.Probation)
            .ShouldBe([pseudonymiser.Pseudonym("pnc", Subject.PncId!)]);
        pseudonymiser.Pseudonymise(null, AgencyCode.Probation).ShouldBeEmpty();
    }

    [Fact]
    public void When_no_key_is_configured_should_refuse_to_start()
    {
        Should.Throw<InvalidOperationException>(() => Create(null));
    }

    [Fact]
    public void When_two_agencies_use_the_same_local_id_should_not_link_them_as_one_person()
    {
        var pseudonymiser = Create(Key);
        var subject = new SubjectIdentifiers { LocalId = "L-1" };

        pseudonymiser.Pseudonymise(subject, AgencyCode.Police).ShouldNotBe(pseudonymiser.Pseudonymise(subject, AgencyCode.Nhs));
    }

    private static SubjectPseudonymiser Create(string? key) => new(Options.Create(new LedgerOptions { SubjectKey = key }));
}
