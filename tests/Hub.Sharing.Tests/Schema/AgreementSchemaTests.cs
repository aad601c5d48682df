using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Participants;
using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Tests.Schema;

/// <summary>
/// schemas/agreement.schema.json, the schema editors use while an IG lead writes an agreement, against the samples,
/// the vocabularies in code and the agreement reader, so that the schema and the hub cannot drift apart.
/// </summary>
public class AgreementSchemaTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>A valid agreement that the cases below vary one thing at a time.</summary>
    private const string Base = """
        id: DSA-S1
        title: Schema test
        version: 1
        status: active
        effective: 2026-01-01
        flows:
          - id: F1
            source: probation
            eventTypes: [custody.release.scheduled]
            recipients: [police]
            purpose: offender-management
            lawfulBasis:
              article6: public-task
              criminalOffence: sch1-part2-para6
            fields: [subject.pncId, releaseDate, cohortTier]

        """;

    private static readonly Lazy<JsonObject> SchemaDocument = new(() => JsonNode.Parse(File.ReadAllText(SchemaFiles.Schema))!.AsObject());

    private static JsonObject SchemaJson => SchemaDocument.Value;

    private static SchemaValidator Validator => new(SchemaJson);

    public static TheoryData<string> Samples => [.. Directory.GetFiles(SchemaFiles.Samples, "*.yaml").Select(f => Path.GetFileName(f)).Where(f => !ParticipantRegistry.IsParticipantsFile(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void When_a_shipped_sample_is_checked_should_be_valid_against_the_schema(string file)
    {
        var json = YamlJson.Parse(File.ReadAllText(Path.Combine(SchemaFiles.Samples, file)));

        Validator.Validate(json).ShouldBeEmpty();
    }

    [Fact]
    public void When_the_samples_are_listed_should_find_every_shipped_agreement() =>
        Samples.Count.ShouldBeGreaterThanOrEqualTo(2);

    [Fact]
    public void When_yaml_becomes_json_should_type_scalars_as_an_editor_does()
    {
        var json = YamlJson.Parse("""
            number: 2
            quoted: "2"
            flag: true
            date: 2026-01-01
            nothing: ~
            list: [a, 3]
            """)!.AsObject();

        json["number"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        json["quoted"]!.GetValue<string>().ShouldBe("2");
        json["flag"]!.GetValueKind().ShouldBe(JsonValueKind.True);
        json["date"]!.GetValue<string>().ShouldBe("2026-01-01");
        json["nothing"].ShouldBeNull();
        json["list"]!.ToJsonString().ShouldBe("""["a",3]""");
    }

    [Fact]
    public void When_the_schema_is_read_should_use_only_keywords_the_tests_check_and_resolve_every_reference()
    {
        var validator = Validator;
        validator.UnknownKeywords().ShouldBeEmpty();
        SchemaJson["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        foreach (var (location, sub) in SchemaValidator.Subschemas(SchemaJson, "#").Where(s => s.Schema.ContainsKey("$ref")))
        {
            Should.NotThrow(() => validator.Resolve(sub["$ref"]!.GetValue<string>()), location);
        }
    }

    [Fact]
    public void When_the_schema_is_read_should_describe_every_key_and_definition()
    {
        // Keys under "if" are tests the schema makes, not keys an IG lead writes.
        var undescribed = SchemaValidator.Subschemas(SchemaJson, "#")
            .Where(s => !s.Location.Contains("/if", StringComparison.Ordinal))
            .SelectMany(s => (s.Schema["properties"]?.AsObject() ?? []).Select(p => ($"{s.Location}/properties/{p.Key}", p.Value)))
            .Concat(Definitions().Select(d => ($"#/$defs/{d.Key}", d.Value)))
            .Where(p => p.Value!["description"]?.GetValue<string>() is not { Length: > 10 })
            .Select(p => p.Item1)
            .ToList();

        undescribed.ShouldBeEmpty();
    }

    [Fact]
    public void When_compared_with_the_purpose_vocabulary_should_list_the_same_purposes_and_meanings()
    {
        Strings(Definition("purpose")["enum"]).ShouldBe(Purposes.All.Select(p => p.Id));
        Strings(Definition("purpose")["enumDescriptions"]).ShouldBe(Purposes.All.Select(p => p.Meaning));
    }

    [Fact]
    public void When_compared_with_the_lawful_bases_should_list_the_same_article_6_bases_and_article_9_conditions()
    {
        var basis = Definition("lawfulBasis")["properties"]!;
        Strings(basis["article6"]!["enum"]).ShouldBe(LawfulBases.Article6.Select(t => t.Id));
        Strings(basis["article6"]!["enumDescriptions"]).ShouldBe(LawfulBases.Article6.Select(t => t.Meaning));
        Strings(basis["article9"]!["enum"]).ShouldBe(LawfulBases.Article9.Select(t => t.Id));
        Strings(basis["article9"]!["enumDescriptions"]).ShouldBe(LawfulBases.Article9.Select(t => t.Meaning));
        Definition("schedule1")["pattern"]!.GetValue<string>().ShouldBe(LawfulBases.Schedule1Pattern);
    }

    [Fact]
    public void When_compared_with_the_gateways_should_list_the_same_gateways_and_limit_each_to_its_prescribed_purposes()
    {
        var flow = Definition("flow");
        Strings(flow["properties"]!["gateway"]!["enum"]).ShouldBe(Gateways.All.Select(g => g.Id));

        var limits = flow["allOf"]!.AsArray()
            .Where(rule => rule!["if"]?["properties"]?["gateway"] is not null)
            .ToDictionary(
                rule => rule!["if"]!["properties"]!["gateway"]!["const"]!.GetValue<string>(),
                rule => Strings(rule!["then"]!["properties"]!["purpose"]!["enum"]));
        limits.Keys.ShouldBe(Gateways.All.Select(g => g.Id), ignoreOrder: true);
        foreach (var gateway in Gateways.All)
        {
            limits[gateway.Id].ShouldBe(gateway.PrescribedPurposes, gateway.Id);
        }
    }

    [Fact]
    public void When_compared_with_the_agencies_and_the_event_catalogue_should_list_the_same_codes_and_event_types()
    {
        Strings(Definition("agency")["anyOf"]![0]!["enum"]).ShouldBe(AgencyCode.WellKnown.Select(a => a.Value));
        Matches(Definition("agency"), "lambeth").ShouldBeTrue("a participant declared in participants.yaml");
        Matches(Definition("agency"), "Lambeth Council").ShouldBeFalse();

        var catalogue = EventCatalogue.All.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Strings(Definition("eventType")["enum"]).ShouldBe(catalogue.Select(e => e.Name));
        var classes = Strings(Definition("eventType")["enumDescriptions"]);
        for (var i = 0; i < catalogue.Count; i++)
        {
            classes[i].ShouldStartWith(ClassOf(catalogue[i].Classification), customMessage: catalogue[i].Name);
        }
    }

    [Fact]
    public void When_compared_with_the_event_catalogue_should_accept_every_field_name_and_test_identifiers_for_presence_only()
    {
        var fields = EventCatalogue.All.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in fields)
        {
            Matches(Definition("field"), name).ShouldBeTrue(name);
            Matches(Definition("condition")["properties"]!["field"]!, name).ShouldBeTrue(name);
            var presence = JsonNode.Parse($$"""{ "field": "{{name}}", "exists": true }""")!;
            var value = JsonNode.Parse($$"""{ "field": "{{name}}", "equals": "x" }""")!;
            Matches(Definition("condition"), presence).ShouldBeTrue(name);
            Matches(Definition("condition"), value).ShouldBe(!name.StartsWith("subject.", StringComparison.Ordinal), name);
        }

        Matches(Definition("field"), "subject.name").ShouldBeFalse();
    }

    [Fact]
    public void When_compared_with_the_reader_should_have_the_same_keys_and_values()
    {
        Keys(SchemaJson).ShouldBe(ReaderList("YamlAgreementReader", "AgreementKeys"), ignoreOrder: true);
        Keys(Definition("signOff")).ShouldBe(ReaderList("YamlAgreementReader", "SignOffKeys"), ignoreOrder: true);
        Keys(Definition("flow")).ShouldBe(ReaderList("YamlFlowReader", "FlowKeys"), ignoreOrder: true);
        Keys(Definition("lawfulBasis")).ShouldBe(ReaderList("YamlLawfulBasisReader", "BasisKeys"), ignoreOrder: true);
        Keys(Definition("condition")).ShouldBe(ReaderList("YamlConditionReader", "ConditionKeys"), ignoreOrder: true);
        Strings(Definition("flow")["properties"]!["consent"]!["enum"]).ShouldBe(ReaderList("YamlFlowReader", "ConsentValues"), ignoreOrder: true);
        Strings(SchemaJson["properties"]!["status"]!["enum"]).ShouldBe(Enum.GetNames<AgreementStatus>().Select(n => n.ToLowerInvariant()));
        Strings(Definition("flow")["properties"]!["effect"]!["enum"]).ShouldBe(Enum.GetNames<FlowEffect>().Select(n => n.ToLowerInvariant()));
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "only the required keys", """
            id: DSA-S2
            version: 1
            status: draft
            effective: 2026-01-01
            flows:
              - id: F1
                source: probation
                eventTypes: custody.release.scheduled
                recipients: police
                purpose: offender-management
                lawfulBasis: { article6: public-task, criminalOffence: sch1-part2-para6 }
                fields: releaseDate
            """ },
        { "every agreement key", Base.Replace("status: active", """
            status: active
            owner: probation
            parties: [probation, police]
            review: 2027-01-01
            expires: 2028-01-01
            signOff:
              - role: caldicott-guardian
                reference: CG-1
                date: 2025-12-12
              - role: dpo
                reference: 12345
            """) },
        { "every flow key", Base.Replace("    id: F1", "    id: 1") + """
                effect: permit
                gateway: CJA2003-s325
                consent: required-unless-gateway
                conditions:
                  - field: cohortTier
                    in: [MAPPA, PPO]
                  - field: sentenceBand
                    notIn: short
                  - field: addressOnRelease
                    exists: false
                  - field: mentalHealthFlag
                    equals: true
                pseudonymise: subject.pncId
                obligations:
                  retentionDays: 365
                  onwardSharingForbidden: true
            """ },
        { "a quoted title and a one-agency source list", Base.Replace("title: Schema test", "title: 'Schema: test'").Replace("source: probation", "source: [probation]") },
        { "a forbid without fields or lawful basis", """
            id: DSA-S3
            version: 2
            status: active
            effective: 2026-01-01
            flows:
              - id: NO
                effect: forbid
                source: nhs
                eventTypes: [health.discharge.planned]
                recipients: [police]
                purpose: law-enforcement
            """ },
        { "health data with Art. 9 and Schedule 1 under a gateway", """
            id: DSA-S4
            version: 1
            status: active
            effective: 2026-01-01
            flows:
              - id: F1
                source: nhs
                eventTypes: [health.discharge.planned]
                recipients: [council]
                purpose: adult-social-care
                gateway: HSCA2012-s251B
                lawfulBasis:
                  article6: public-task
                  article9: health-or-social-care
                  schedule1: sch1-part1-para2
                  statement: Care Act 2014 s2
                fields: [subject.nhsNumber, plannedDischargeAt, carePackageRequired]
            """ },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void When_a_document_is_well_formed_should_be_accepted_by_the_schema_and_the_reader(string @case, string yaml)
    {
        ReaderErrors(yaml).ShouldBeEmpty(@case);
        Validator.Validate(YamlJson.Parse(yaml)).ShouldBeEmpty(@case);
    }

    public static TheoryData<string, string, string> RejectedByBoth => new()
    {
        { "an unknown agreement key", Base + "reviewer: J Smith\n", "an agreement has no key 'reviewer'" },
        { "an unknown flow key", Base + "    retention: 30\n", "a flow has no key 'retention'" },
        { "a misspelt flow key", Base.Replace("purpose:", "purpse:"), "a flow has no key 'purpse'" },
        { "a purpose not in the vocabulary", Base.Replace("offender-management", "offender-managment"), "purpose 'offender-managment' is not in the purpose vocabulary" },
        { "a condition with two tests", Base + "    conditions: [{ field: cohortTier, equals: MAPPA, in: [PPO] }]\n", "a condition needs exactly one of equals, in, notIn or exists" },
        { "a condition with no test", Base + "    conditions: [{ field: cohortTier }]\n", "a condition needs exactly one of equals, in, notIn or exists" },
        { "a misspelt condition test", Base + "    conditions: [{ field: cohortTier, equal: MAPPA }]\n", "a condition has no key 'equal'" },
        { "a value test on a subject identifier", Base + "    conditions: [{ field: subject.pncId, equals: 2019/0123456E }]\n", "a condition on the subject identifier 'subject.pncId' can only test exists" },
        { "conditions written as one value", Base + "    conditions: cohortTier\n", "conditions must be a list" },
        { "a gateway that does not prescribe the purpose", Base + "    gateway: HSCA2012-s251B\n", "purpose 'offender-management' is not one of the purposes HSCA2012-s251B prescribes" },
        { "an unknown gateway", Base + "    gateway: WRA2012\n", "gateway 'WRA2012' is not a known legal gateway" },
        { "required-unless-gateway with no gateway", Base + "    consent: required-unless-gateway\n", "consent is required-unless-gateway but the flow names no gateway" },
        { "an unknown consent value", Base + "    consent: optional\n", "consent 'optional' is not one of" },
        { "a permit without fields", Base.Replace("    fields: [subject.pncId, releaseDate, cohortTier]\n", string.Empty), "flow F1 has no fields" },
        { "a permit with an empty field list", Base.Replace("[subject.pncId, releaseDate, cohortTier]", "[]"), "permits sharing but releases no fields" },
        { "a permit without a lawful basis", Base.Replace("    lawfulBasis:\n      article6: public-task\n      criminalOffence: sch1-part2-para6\n", string.Empty), "permits sharing without a lawfulBasis" },
        { "a lawful basis without Article 6", Base.Replace("      article6: public-task\n", string.Empty), "lawfulBasis has no article6" },
        { "an unknown Article 6 basis", Base.Replace("article6: public-task", "article6: public-interest"), "article6 'public-interest' is not one of" },
        { "an unknown lawful basis key", Base.Replace("      article6: public-task\n", "      article6: public-task\n      article10: yes\n"), "lawfulBasis has no key 'article10'" },
        { "a Schedule 1 condition in the wrong form", Base.Replace("sch1-part2-para6", "schedule 1 part 2 para 6"), "is not a DPA 2018 Schedule 1 condition written as sch1-partN-paraM" },
        { "an unknown event type", Base.Replace("[custody.release.scheduled]", "[custody.escape.planned]"), "event type 'custody.escape.planned' is not in the event catalogue" },
        { "an agency code that is not a code", Base.Replace("recipients: [police]", "recipients: [Polce]"), "'Polce' is not a known agency" },
        { "a misspelt effect", Base + "    effect: deny\n", "effect 'deny' is not permit or forbid" },
        { "an unknown status", Base.Replace("status: active", "status: live"), "status 'live' is not draft, active, suspended or retired" },
        { "no id", Base.Replace("id: DSA-S1\n", string.Empty), "the agreement has no id" },
        { "version 0", Base.Replace("version: 1", "version: 0"), "version must be 1 or more" },
        { "a version in words", Base.Replace("version: 1", "version: two"), "version 'two' is not a whole number" },
        { "an empty title", Base.Replace("title: Schema test", "title:"), "title must be a single value" },
        { "a date in another form", Base.Replace("effective: 2026-01-01", "effective: 01/01/2026"), "effective '01/01/2026' is not a date in the form YYYY-MM-DD" },
        { "a date that does not exist", Base.Replace("effective: 2026-01-01", "effective: 2026-02-30"), "effective '2026-02-30' is not a date in the form YYYY-MM-DD" },
        { "an empty flow list", Base[..Base.IndexOf("flows:", StringComparison.Ordinal)] + "flows: []\n", "has no flows" },
        { "a sign-off without a reference", Base + "signOff:\n  - role: caldicott-guardian\n", "a signOff entry has no reference" },
        { "a sign-off written as one value", Base + "signOff: caldicott-guardian\n", "signOff must be a list of role/reference/date entries" },
        { "an unknown obligation", Base + "    obligations: { retention: 30 }\n", "obligations has no key 'retention'" },
        { "a retention of 0 days", Base + "    obligations: { retentionDays: 0 }\n", "retentionDays must be 1 or more" },
        { "onward sharing as yes", Base + "    obligations: { onwardSharingForbidden: yes }\n", "onwardSharingForbidden must be true or false" },
    };

    [Theory]
    [MemberData(nameof(RejectedByBoth))]
    public void When_a_document_is_wrong_should_be_rejected_by_the_schema_and_the_reader(string @case, string yaml, string readerSays)
    {
        ReaderErrors(yaml).ShouldContain(e => e.Contains(readerSays, StringComparison.Ordinal), @case);
        Validator.Validate(YamlJson.Parse(yaml)).ShouldNotBeEmpty(@case);
    }

    /// <summary>Forms the schema keeps out because they are traps; the reader refuses them too, except a quoted version number.</summary>
    public static TheoryData<string, string> RejectedBySchema => new()
    {
        { "a status written as a number (read as an enum value: 1 is active)", Base.Replace("status: active", "status: 1") },
        { "a status in capitals", Base.Replace("status: active", "status: Active") },
        { "an effect written as a number (1 is forbid)", Base + "    effect: 1\n" },
        { "a source of two agencies (silently becomes no source)", Base.Replace("source: probation", "source: [probation, police]") },
        { "an empty source list", Base.Replace("source: probation", "source: []") },
        { "an empty recipient list", Base.Replace("recipients: [police]", "recipients: []") },
        { "an empty event type list (skips every field check)", Base.Replace("[custody.release.scheduled]", "[]") },
        { "equals with a list", Base + "    conditions: [{ field: cohortTier, equals: [] }]\n" },
        { "in with an empty list (never met)", Base + "    conditions: [{ field: cohortTier, in: [] }]\n" },
        { "exists as yes (read as absent)", Base + "    conditions: [{ field: cohortTier, exists: yes }]\n" },
        { "an id of ~ (null)", Base.Replace("id: DSA-S1", "id: ~") },
        { "a quoted version", Base.Replace("version: 1", "version: \"1\"") },
        { "a field name that is not camelCase", Base.Replace("cohortTier]", "Cohort Tier]") },
    };

    [Theory]
    [MemberData(nameof(RejectedBySchema))]
    public void When_a_document_uses_a_form_the_schema_keeps_out_should_be_rejected_by_the_schema(string @case, string yaml) =>
        Validator.Validate(YamlJson.Parse(yaml)).ShouldNotBeEmpty(@case);

    [Theory]
    [MemberData(nameof(RejectedBySchema))]
    public void When_a_document_uses_a_trap_form_should_be_refused_by_the_reader_as_well(string @case, string yaml)
    {
        if (@case == "a quoted version")
        {
            ReaderErrors(yaml).ShouldBeEmpty(@case);
            return;
        }

        ReaderErrors(yaml).ShouldNotBeEmpty(@case);
    }

    [Fact]
    public void When_an_agency_is_neither_well_known_nor_declared_should_be_left_to_lint()
    {
        var yaml = Base.Replace("recipients: [police]", "recipients: [polce]");

        Validator.Validate(YamlJson.Parse(yaml)).ShouldBeEmpty("the schema cannot see participants.yaml");
        ReaderErrors(yaml).ShouldContain(e => e.Contains("'polce' is not a known agency", StringComparison.Ordinal));
    }

    private static List<string> ReaderErrors(string yaml) =>
        [.. AgreementLoader.Lint([("case.yaml", yaml)], Today).Diagnostics.Where(d => d.IsError).Select(d => d.Message)];

    private static JsonObject Definition(string name) => SchemaJson["$defs"]![name]!.AsObject();

    private static JsonObject Definitions() => SchemaJson["$defs"]!.AsObject();

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(v => v!.GetValue<string>())];

    private static List<string> Keys(JsonObject schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key)];

    private static bool Matches(JsonNode schema, string value) => Matches(schema, JsonValue.Create(value));

    private static bool Matches(JsonNode schema, JsonNode instance) => new SchemaValidator(SchemaJson).ValidateAgainst(schema, instance).Count == 0;

    private static string ClassOf(DataClassification classification) => classification switch
    {
        DataClassification.Personal => "personal data",
        DataClassification.CriminalOffence => "criminal offence data",
        DataClassification.SpecialCategoryHealth => "health data",
        DataClassification.AggregateNonPersonal => "aggregate statistics",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, "add a description for this class to the schema"),
    };

    /// <summary>The reader's own list of keys or values (private: read by reflection so that a new key fails here).</summary>
    private static string[] ReaderList(string reader, string field)
    {
        var type = typeof(AgreementLoader).Assembly.GetType($"Hub.Sharing.Agreements.Yaml.{reader}")
            ?? throw new InvalidOperationException($"{reader} has moved: update AgreementSchemaTests");
        return type.GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string[]
            ?? throw new InvalidOperationException($"{reader}.{field} has moved or changed type: update AgreementSchemaTests");
    }
}
