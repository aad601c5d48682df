using Hub.Sharing.Agreements;

namespace Hub.Sharing.Tests.Agreements;

/// <summary>Lint refuses a flow whose recipient its cited gateway cannot serve (issue 12, point 2).</summary>
public class GatewayRecipientRulesTests
{
    private const string Participants = """
        participants:
          - code: st-giles
            name: St Giles Trust
            kind: third-sector
          - code: lambeth
            name: London Borough of Lambeth
            kind: statutory
            localAuthority: lambeth
        """;

    [Theory]
    [InlineData("police", "WRA2012-s131 cannot serve recipient police: it lets only DWP (jcp) and local authorities receive data")]
    [InlineData("st-giles", "WRA2012-s131 cannot serve recipient st-giles")]
    public void When_an_s131_flow_names_a_recipient_that_is_not_dwp_or_a_local_authority_should_refuse_it(string recipient, string expected) =>
        Lint(Flow("WRA2012-s131", "homelessness-application", recipient)).Diagnostics.ShouldContain(d => d.IsError && d.Message.Contains(expected));

    [Theory]
    [InlineData("council")]
    [InlineData("lambeth")]
    public void When_an_s131_flow_names_a_local_authority_should_accept_it(string recipient) =>
        Lint(Flow("WRA2012-s131", "homelessness-application", recipient)).HasErrors.ShouldBeFalse();

    [Fact]
    public void When_a_statutory_gateway_names_a_charity_as_recipient_should_refuse_it() =>
        Lint(Flow("CDA1998-s115", "law-enforcement", "st-giles")).Diagnostics.ShouldContain(d => d.IsError && d.Message.Contains("CDA1998-s115 cannot serve recipient st-giles: it lets only statutory bodies receive data"));

    [Fact]
    public void When_tell_us_once_names_anyone_but_dwp_should_refuse_it()
    {
        Lint(Flow("TUO-REG", "birth-registration", "nhs", source: "council")).Diagnostics.ShouldContain(d => d.IsError && d.Message.Contains("TUO-REG cannot serve recipient nhs"));
        Lint(Flow("TUO-REG", "birth-registration", "jcp", source: "council")).Diagnostics.ShouldNotContain(d => d.IsError && d.Message.Contains("cannot serve"));
    }

    private static LintResult Lint(string agreement) =>
        AgreementLoader.Lint([("participants.yaml", Participants), ("g.yaml", agreement)], new DateOnly(2026, 11, 1));

    private static string Flow(string gateway, string purpose, string recipient, string source = "jcp") => $$"""
        id: DSA-G
        title: Gateway recipients
        version: 1
        status: active
        effective: 2026-01-01
        parties: [{{source}}, {{recipient}}]
        flows:
          - id: F1
            source: {{source}}
            eventTypes: [employment.status.answered]
            recipients: [{{recipient}}]
            purpose: {{purpose}}
            gateway: {{gateway}}
            lawfulBasis: { article6: public-task }
            fields: [status]
        """;
}
