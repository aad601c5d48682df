using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Agencies.Tests.Jcp;

public sealed class EmploymentStatusCheckMapperTests
{
    private readonly EmploymentStatusCheckMapper _mapper = new();
    private readonly IReadOnlyList<EmploymentStatusCheckRecord> _rows = CsvRecords.Read<EmploymentStatusCheckRecord>(RepoPaths.Sample("jcp", "employment-status-checks.csv"));

    [Fact]
    public void When_an_s131_check_is_answered_should_keep_the_gateway_and_the_purpose_of_the_query()
    {
        var answer = _mapper.Map(_rows[0]).Value.ShouldNotBeNull();

        answer.Status.ShouldBe(EmploymentStatus.Employed);
        answer.QueryId.ShouldBe(Guid.Parse("2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301"));
        answer.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        answer.Envelope.Consent.CollectionPurpose.ShouldBe("homelessness-application");
        answer.Envelope.Subject!.Nino.ShouldBe("JZ010203D");
        answer.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_a_consented_check_is_answered_should_carry_the_consent_ref_only()
    {
        var answer = _mapper.Map(_rows[1]).Value.ShouldNotBeNull();

        answer.Status.ShouldBe(EmploymentStatus.NotEmployed);
        answer.Envelope.Consent.ConsentRef.ShouldBe("C-WIW-2231");
        answer.Envelope.Consent.LegalGateway.ShouldBeNull();
    }

    [Fact]
    public void When_a_row_is_invalid_should_name_every_bad_column()
    {
        var result = _mapper.Map(_rows[2]);

        result.Problems.Select(p => p.Field).ShouldBe(["query_id", "nino", "status", "checked_on", "consent_ref", "purpose"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("QQ12345"));
    }
}
