using Hub.Contracts.Catalogue;

namespace Hub.Contracts.Tests;

/// <summary>A sender's message-type URN is quoted back only when it reads as a type name; an identifier in it never is.</summary>
public sealed class MessageTypeTextTests
{
    [Theory]
    [InlineData("urn:message:Hub.Contracts.Custody.V1:ReleaseScheduled")]
    [InlineData("urn:message:Hub.Contracts.Custody.V12:ReleaseScheduled")]
    [InlineData("urn:message:Elsewhere:Exfiltrate")]
    [InlineData("urn:message:Hub.Router.Tests.Ingress:Outer+NotAnEvent")]
    public void When_the_urn_reads_as_a_type_name_should_quote_it(string urn) =>
        MessageTypeText.Describe(urn).ShouldBe(urn);

    [Theory]
    [InlineData("urn:message:Exfiltrate:JY123456C")]
    [InlineData("urn:message:Hub.Contracts.V1:9990000018")]
    [InlineData("urn:message:Hub.JY123456C:ReleaseScheduled")]
    [InlineData("urn:message:Custody:2019/0412345P")]
    [InlineData("urn:message:Born:1994-03-02")]
    [InlineData("urn:message:Nested:Outer+JY123456C")]
    [InlineData("urn:message:Address:SE99 9ZZ")]
    [InlineData("not a urn")]
    [InlineData("")]
    [InlineData(null)]
    public void When_the_urn_could_carry_an_identifier_should_describe_it_without_quoting(string? urn)
    {
        MessageTypeText.IsQuotable(urn).ShouldBeFalse();
        MessageTypeText.Describe(urn).ShouldBe(MessageTypeText.NotQuoted);
    }
}
