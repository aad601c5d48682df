using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Probation.Transfers;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Agencies.Tests.Probation;

public sealed class CaseTransferMapperTests
{
    private readonly CaseTransferMapper _mapper = new();
    private readonly IReadOnlyList<CaseTransferRecord> _rows = DropSamples.Records<CaseTransferRecord>("probation", "case-transfers.csv");

    [Fact]
    public void When_the_lead_moves_to_the_nhs_should_map_to_lead_professional_changed()
    {
        var changed = _mapper.Map(_rows[0]).Value.ShouldNotBeNull();

        changed.PreviousLeadAgency.ShouldBe(AgencyCode.Probation);
        changed.NewLeadAgency.ShouldBe(AgencyCode.Nhs);
        changed.NewLeadRole.ShouldBe("DIP drugs worker");
        changed.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_transfer_goes_nowhere_with_a_bad_date_should_name_both_fields()
    {
        _mapper.Map(_rows[1]).Problems.Select(p => p.Field).ShouldBe(["to_agency", "effective_from"], ignoreOrder: true);
    }
}
