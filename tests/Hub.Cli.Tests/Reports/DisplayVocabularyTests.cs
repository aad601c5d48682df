using Hub.Contracts.Catalogue;
using Hub.Reports.Display;
using Hub.Sharing.Agreements;

namespace Hub.Cli.Tests.Reports;

/// <summary>Every code a report can show has plain words, from the one display vocabulary.</summary>
public sealed class DisplayVocabularyTests
{
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public void When_a_catalogued_event_type_is_shown_should_have_words_of_its_own()
    {
        foreach (var type in EventCatalogue.All.Select(t => t.Name))
        {
            DisplayVocabulary.EventType(type).ShouldNotContain(".", customMessage: type);
            DisplayVocabulary.EventType(type).ShouldNotBe(type.Replace('.', ' ').Replace('-', ' '), type);
        }
    }

    [Fact]
    public void When_a_field_the_sample_agreements_release_is_shown_should_read_as_words()
    {
        var fields = AgreementLoader.LoadDirectory(Agreements).Agreements.SelectMany(a => a.Flows).SelectMany(f => f.Fields).Distinct(StringComparer.Ordinal).ToList();
        fields.ShouldNotBeEmpty();
        foreach (var field in fields)
        {
            var words = DisplayVocabulary.Field(field);
            words.ShouldNotBe(field, field);
            words.ShouldNotContain("subject.", customMessage: field);
            char.IsUpper(words[0]).ShouldBeTrue(field);
        }
    }

    [Theory]
    [InlineData("subject.pncId", "Police National Computer (PNC) ID")]
    [InlineData("addressOnRelease", "Address on release")]
    [InlineData("subject.dateOfBirth", "Date of birth")]
    public void When_a_field_is_shown_should_use_its_own_words_or_spell_out_its_name(string field, string expected) =>
        DisplayVocabulary.Field(field).ShouldBe(expected);

    [Fact]
    public void When_purposes_gateways_and_agencies_are_shown_should_come_from_the_sharing_vocabularies()
    {
        DisplayVocabulary.Purpose("offender-management").ShouldStartWith("Supervising and managing offenders");
        DisplayVocabulary.Gateway("WRA2012-s131").ShouldStartWith("Welfare Reform Act 2012 s131");
        DisplayVocabulary.AgencyTitle("jcp").ShouldBe("Jobcentre Plus (Department for Work and Pensions)");
        DisplayVocabulary.Agency("lambeth").ShouldBe("lambeth");
    }
}
