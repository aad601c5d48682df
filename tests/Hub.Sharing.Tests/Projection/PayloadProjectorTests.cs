using System.Text.Json;
using Hub.Sharing.Projection;

namespace Hub.Sharing.Tests.Projection;

public class PayloadProjectorTests
{
    private const string Event = """
        {
          "envelope": {
            "eventId": "0b9d3d7e-54a1-4c1e-9a54-5f9d6f0b1a01",
            "source": "probation",
            "subject": { "nhsNumber": "9434765919", "pncId": "2019/0412345P", "nino": "JY123456C" },
            "consent": { "legalGateway": "ORA2014-s7", "collectionPurpose": "offender-management" }
          },
          "releaseDate": "2026-12-04",
          "addressOnRelease": "1 Example Row",
          "mentalHealthFlag": true,
          "cohortTier": null
        }
        """;

    [Fact]
    public void When_listing_present_fields_should_skip_nulls_and_name_identifiers()
    {
        using var doc = JsonDocument.Parse(Event);
        PayloadProjector.PresentFields(doc.RootElement).Order(StringComparer.Ordinal).ShouldBe(
            ["addressOnRelease", "mentalHealthFlag", "releaseDate", "subject.nhsNumber", "subject.nino", "subject.pncId"]);
    }

    [Fact]
    public void When_projecting_should_keep_only_released_fields_and_identifiers()
    {
        using var doc = JsonDocument.Parse(Event);
        var projected = PayloadProjector.Project(doc.RootElement, new HashSet<string> { "releaseDate", "subject.pncId" });

        projected.GetRawText().ShouldBe("""{"subject":{"pncId":"2019/0412345P"},"releaseDate":"2026-12-04"}""");
    }

    [Fact]
    public void When_projecting_should_never_copy_the_envelope()
    {
        using var doc = JsonDocument.Parse(Event);
        var projected = PayloadProjector.Project(doc.RootElement, new HashSet<string> { "envelope", "envelope.consent", "releaseDate" });

        projected.TryGetProperty("envelope", out _).ShouldBeFalse();
        projected.GetRawText().ShouldNotContain("ORA2014");
    }

    [Fact]
    public void When_no_identifier_is_released_should_omit_the_subject()
    {
        using var doc = JsonDocument.Parse(Event);
        var projected = PayloadProjector.Project(doc.RootElement, new HashSet<string> { "mentalHealthFlag" });

        projected.GetRawText().ShouldBe("""{"mentalHealthFlag":true}""");
    }
}
