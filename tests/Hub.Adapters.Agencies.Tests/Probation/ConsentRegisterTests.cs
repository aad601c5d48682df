using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Probation.Sources;
using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;

namespace Hub.Adapters.Agencies.Tests.Probation;

/// <summary>samples/probation/consents.csv through the drop folder's reading path and the probation folder mapper.</summary>
public sealed class ConsentRegisterTests
{
    private readonly IReadOnlyList<RecordMapping> _rows = DropSamples.Prepare(new ProbationFolderMapper(new ProbationMappers()), "probation", "consents.csv");

    [Fact]
    public void When_a_consent_is_given_to_named_recipients_should_record_it_tagged_with_itself()
    {
        var recorded = _rows[0].Event.ShouldBeOfType<ConsentRecorded>();

        recorded.ConsentId.ShouldBe("C-LEW-OPTIN-0955");
        recorded.Purposes.ShouldBe(["enhanced-resettlement"]);
        recorded.Recipients.ShouldBe([AgencyCode.Police, AgencyCode.Council, AgencyCode.Jcp]);
        recorded.AgreementId.ShouldBeNull();
        recorded.GivenAt.ShouldBe(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero));
        recorded.ExpiresAt.ShouldBeNull();
        recorded.EvidenceRef.ShouldBe("PRB-OPTIN-FORM-0955");
        recorded.Envelope.Consent.ConsentRef.ShouldBe("C-LEW-OPTIN-0955");
        recorded.Envelope.Consent.CollectionPurpose.ShouldBe("enhanced-resettlement");
        recorded.Envelope.Subject!.PncId.ShouldBe("2023/0011872D");
        recorded.Envelope.Subject.LocalId.ShouldBe("A9550AA");
        recorded.Envelope.Subject.NhsNumber.ShouldBe("9990000131");
        recorded.Envelope.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 2, 14, 5, 0, TimeSpan.Zero));
        recorded.Envelope.EventId.ShouldBe(RecordEventIds.For(AgencyCode.Probation, "consent-recorded", "C-LEW-OPTIN-0955"));
    }

    [Fact]
    public void When_a_consent_has_an_expiry_should_carry_it()
    {
        var recorded = _rows[1].Event.ShouldBeOfType<ConsentRecorded>();

        recorded.Recipients.ShouldBe([AgencyCode.Jcp]);
        recorded.Envelope.Consent.CollectionPurpose.ShouldBe("benefit-continuity");
        recorded.ExpiresAt.ShouldBe(new DateTimeOffset(2027, 2, 13, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void When_a_consent_covers_an_agreement_should_name_the_agreement_and_no_recipients()
    {
        var recorded = _rows[2].Event.ShouldBeOfType<ConsentRecorded>();

        recorded.AgreementId.ShouldBe("DSA-009");
        recorded.Recipients.ShouldBeEmpty();
        recorded.Purposes.ShouldBe(["enhanced-resettlement", "information-passport"]);
    }

    [Fact]
    public void When_a_consent_is_withdrawn_should_withdraw_it_under_an_event_id_of_its_own()
    {
        var withdrawn = _rows[3].Event.ShouldBeOfType<ConsentWithdrawn>();

        withdrawn.ConsentId.ShouldBe("C-LEW-OPTIN-0955");
        withdrawn.WithdrawnAt.ShouldBe(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        withdrawn.Envelope.Consent.ConsentRef.ShouldBe("C-LEW-OPTIN-0955");
        withdrawn.Envelope.Consent.CollectionPurpose.ShouldBe("offender-management");
        withdrawn.Envelope.Subject!.PncId.ShouldBe("2023/0011872D");
        withdrawn.Envelope.EventId.ShouldNotBe(_rows[0].Event!.Envelope.EventId);
    }

    [Fact]
    public void When_the_register_is_read_twice_should_give_the_same_event_ids()
    {
        var again = DropSamples.Prepare(new ProbationFolderMapper(new ProbationMappers()), "probation", "consents.csv");

        again.Select(r => r.Event?.Envelope.EventId).ShouldBe(_rows.Select(r => r.Event?.Envelope.EventId));
    }

    [Fact]
    public void When_a_given_row_is_incomplete_should_name_every_bad_column_and_no_value()
    {
        var problems = _rows[4].Problems;

        Fields(problems).ShouldBe(["pnc_id", "purposes", "agreement_id", "given_at", "evidence_ref"], ignoreOrder: true);
        problems.ShouldAllBe(p => !p.Contains("2020/0345678X") && !p.Contains("A9990ZZ") && !p.Contains("C-PRB-0999-BAD"));
    }

    [Fact]
    public void When_a_withdrawal_has_no_date_should_name_withdrawn_at()
    {
        Fields(_rows[5].Problems).ShouldBe(["withdrawn_at"]);
    }

    [Fact]
    public void When_the_action_is_unknown_should_name_the_action_column()
    {
        Fields(_rows[6].Problems).ShouldBe(["action"]);
        _rows[6].Problems.ShouldAllBe(p => !p.Contains("REVOKED"));
    }

    private static string[] Fields(IReadOnlyList<string> problems) => [.. problems.Select(p => p.Split(':')[0])];
}
