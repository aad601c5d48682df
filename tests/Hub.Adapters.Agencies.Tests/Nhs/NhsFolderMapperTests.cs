using System.Text.Json;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Performance.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class NhsFolderMapperTests
{
    public static TheoryData<string> DropSamples => [.. Directory.GetFiles(RepoPaths.Sample("nhs", "drop")).Select(f => Path.Combine("drop", Path.GetFileName(f)))];

    public static TheoryData<string> SingleResourceSamples => [.. Directory.GetFiles(RepoPaths.Sample("nhs", ".")).Where(f => f.EndsWith(".json", StringComparison.Ordinal)).Select(f => Path.GetFileName(f))];

    [Fact]
    public void When_an_encounter_export_is_dropped_should_map_discharges_and_name_fhir_paths_for_the_rest()
    {
        var rows = NhsDropSamples.Map("drop/Encounter.ndjson");

        rows.Count.ShouldBe(5);
        var first = rows[0].Event.ShouldBeOfType<DischargePlanned>();
        first.EncounterId.ShouldBe("enc-8841");
        first.Envelope.Subject!.NhsNumber.ShouldBe("9990000026");
        var second = rows[1].Event.ShouldBeOfType<DischargePlanned>();
        second.EncounterId.ShouldBe("enc-9107");
        second.MentalHealthNeeds.ShouldBe(true);
        FieldsOf(rows[2]).ShouldBe(["Encounter.subject.identifier[nhs-number]", "Encounter.period.end"], ignoreOrder: true);
        FieldsOf(rows[3]).ShouldBe(["Encounter.period.start", "Encounter.madeUpElement", "Encounter.class"], ignoreOrder: true);
        rows[4].Problems.ShouldBe(["resourceType: must be Encounter"]);
    }

    [Fact]
    public void When_a_medication_request_export_has_a_broken_line_should_map_the_others_and_report_that_line()
    {
        var rows = NhsDropSamples.Map("drop/MedicationRequest.ndjson");

        rows.Select(r => r.Event?.GetType()).ShouldBe([typeof(TreatmentContinuityRequired), typeof(TreatmentContinuityRequired), null, null]);
        rows[1].Event.ShouldBeOfType<TreatmentContinuityRequired>().DailyDoseMg.ShouldBe(16m);
        FieldsOf(rows[2]).ShouldBe(
            ["MedicationRequest.subject.identifier[nhs-number]", "MedicationRequest.category", "MedicationRequest.dispenseRequest.validityPeriod.end"],
            ignoreOrder: true);
        rows[3].Problems.ShouldBe(["the row is not valid JSON"]);
    }

    [Fact]
    public void When_a_service_request_export_is_dropped_should_map_passport_referrals_under_their_consents()
    {
        var rows = NhsDropSamples.Map("drop/ServiceRequest.ndjson");

        rows[0].Event.ShouldBeOfType<ReferralCreated>().Envelope.Consent.ConsentRef.ShouldBe("P-ELFT-3307");
        var second = rows[1].Event.ShouldBeOfType<ReferralCreated>();
        second.Envelope.Consent.ConsentRef.ShouldBe("P-ELFT-3412");
        second.Envelope.Subject!.Nino.ShouldBe("JY213455C");
        second.SupportNeeds.ShouldBe(["interview-practice"]);
        FieldsOf(rows[2]).ShouldContain("ServiceRequest.supportingInfo[consent].identifier.value");
    }

    [Fact]
    public void When_a_measure_report_export_is_dropped_should_map_the_summary_and_refuse_the_individual_report()
    {
        var rows = NhsDropSamples.Map("drop/MeasureReport.ndjson");

        var submitted = rows[0].Event.ShouldBeOfType<IndicatorsSubmitted>();
        submitted.Envelope.Subject.ShouldBeNull();
        submitted.Period.ShouldBe("2026-Q3");
        FieldsOf(rows[1]).ShouldContain("MeasureReport.subject");
    }

    [Fact]
    public void When_a_json_array_mixes_resource_types_should_map_each_by_its_resource_type_and_refuse_patients_and_bundles()
    {
        var rows = NhsDropSamples.Map("drop/fhir-resources.json");

        rows.Select(r => r.Event?.GetType()).ShouldBe([typeof(DischargePlanned), typeof(IndicatorsSubmitted), typeof(ReferralCreated), null, null]);
        rows[3].Problems.ShouldHaveSingleItem().ShouldStartWith("resourceType: is not one this adapter reads");
        rows[4].Problems.ShouldHaveSingleItem().ShouldStartWith("resourceType: Bundle is not read");
    }

    [Theory]
    [MemberData(nameof(DropSamples))]
    public void When_any_drop_sample_is_read_should_split_into_rows_whose_problems_quote_no_identifier(string sample)
    {
        var rows = NhsDropSamples.Map(sample);

        rows.ShouldNotBeEmpty();
        rows.ShouldContain(r => r.Event != null);
        rows.ShouldContain(r => r.Problems.Count > 0);
        var identifiers = NhsSampleIdentifiers.In(File.ReadAllText(RepoPaths.Sample("nhs", sample)));
        identifiers.ShouldNotBeEmpty();
        rows.SelectMany(r => r.Problems).ShouldAllBe(p => !identifiers.Any(p.Contains));
    }

    [Theory]
    [MemberData(nameof(SingleResourceSamples))]
    public void When_a_single_resource_json_file_is_dropped_should_be_quarantined_whole_as_not_an_array(string sample)
    {
        NhsDropSamples.Read(sample).FileProblem.ShouldBe("the file is not a JSON array");
    }

    [Fact]
    public void When_the_same_encounter_arrives_in_a_bulk_export_and_a_json_array_should_carry_the_same_event_id()
    {
        var fromNdjson = NhsDropSamples.Map("drop/Encounter.ndjson")[0].Event!;
        var fromArray = NhsDropSamples.Map("drop/fhir-resources.json")[0].Event!;

        fromArray.Envelope.EventId.ShouldBe(fromNdjson.Envelope.EventId);
    }

    [Fact]
    public void When_a_file_name_matches_no_pattern_should_reject_the_row_naming_the_file_patterns()
    {
        using var row = JsonDocument.Parse("""{"resourceType":"Encounter"}""");

        var mapping = NhsDropSamples.FolderMapper.Map(new DropFolderRecord("discharges.csv", 1, row.RootElement.Clone()), NhsDropSamples.Context("discharges.csv", 1));

        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("file: its name matches none");
        NhsDropSamples.FolderMapper.Patterns.ShouldContain("Encounter*.ndjson");
    }

    private static List<string> FieldsOf(RecordMapping mapping) => [.. mapping.Problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)])];
}
