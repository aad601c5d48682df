using System.Text.Json;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Sharing.Replay;

namespace Hub.Sharing.Tests.Replay;

/// <summary>Which event values the ledger may hold for <c>hub rules replay</c>: non-identifying codes only, never special-category data.</summary>
public class EventFactsTests
{
    [Fact]
    public void When_listing_a_release_notices_recordable_fields_should_take_enums_and_marked_codes_and_leave_free_text_and_health_flags()
    {
        EventFacts.RecordableFields(EventCatalogue.For<ReleaseScheduled>())
            .ShouldBe(["cohortTier", "resettlementArea", "sentenceBand"]);
    }

    [Fact]
    public void When_the_event_is_health_data_should_record_no_value()
    {
        var health = EventCatalogue.All.Where(e => e.Classification == DataClassification.SpecialCategoryHealth).ToList();

        health.ShouldNotBeEmpty();
        health.ShouldAllBe(e => EventFacts.RecordableFields(e).Count == 0);
    }

    [Fact]
    public void When_reading_an_event_should_write_each_present_code_as_field_and_json_value_and_skip_overlong_ones()
    {
        var info = EventCatalogue.For<ReleaseScheduled>();
        using var json = JsonDocument.Parse($$"""{"cohortTier":"mappa","sentenceBand":"under-12-months","resettlementArea":"{{new string('x', EventFacts.MaxValueLength + 1)}}","establishment":"HMP Fictional","mentalHealthFlag":true}""");

        var facts = EventFacts.Of(info, json.RootElement);

        facts.ShouldBe(["cohortTier=\"mappa\"", "sentenceBand=\"under-12-months\""]);
        EventFacts.TryParse(facts[0], out var field, out var value).ShouldBeTrue();
        (field, value.GetString()).ShouldBe(("cohortTier", "mappa"));
    }
}
