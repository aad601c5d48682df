using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Checks that a permit's footing (consent or gateway) fits its lawful basis and its data: explicit consent must be
/// checked at every decision, and aggregate statistics carry neither a consent nor a gateway.
/// </summary>
internal sealed class YamlFootingRules(NodeReader read)
{
    /// <summary>Art. 9(2)(a) rests on the person's explicit consent, so a flow relying on it must check that consent at every decision.</summary>
    public void ExplicitConsentIsRequired(YamlMappingNode map, string where, LawfulBasis basis, ConsentRequirement consent)
    {
        if (basis.Article9 != LawfulBases.ExplicitConsent || consent == ConsentRequirement.Required)
        {
            return;
        }

        var consentNode = NodeReader.Node(map, "consent");
        var at = consentNode ?? (NodeReader.Node(map, "lawfulBasis") is YamlMappingNode basisMap ? NodeReader.Node(basisMap, "article9") : null) ?? map;
        if (consent == ConsentRequirement.RequiredUnlessGateway)
        {
            read.Error(at, $"{where} relies on Art. 9(2)(a) explicit consent but consent is required-unless-gateway, so under the gateway it would release special category data without the consent it relies on", "set consent: required and remove the gateway, or rely on another Art. 9 condition with its Schedule 1 condition");
        }
        else
        {
            read.Error(at, $"{where} relies on Art. 9(2)(a) explicit consent but does not require consent (consent is not-required{(consentNode is null ? " by default" : string.Empty)})", "add consent: required, or rely on another Art. 9 condition with its Schedule 1 condition");
        }
    }

    /// <summary>
    /// An aggregate-non-personal event carries neither a consent reference nor a gateway (the router refuses one that
    /// does), so a permit for aggregate events only that needs either can never apply.
    /// </summary>
    public void AggregateNeedsNoFooting(YamlMappingNode map, string where, List<EventTypeInfo> eventTypes, ConsentRequirement consent)
    {
        if (eventTypes.Count == 0 || eventTypes.Any(e => e.Classification != DataClassification.AggregateNonPersonal))
        {
            return;
        }

        var types = string.Join(" and ", eventTypes.Select(e => e.Name));
        if (consent != ConsentRequirement.NotRequired && NodeReader.Node(map, "consent") is { } consentNode)
        {
            read.Error(consentNode, $"{where}: {types} is aggregate-non-personal, so its events carry no consent reference and a flow that requires consent can never apply", "remove consent: aggregate data needs none");
        }
        else if (NodeReader.Node(map, "gateway") is { } gatewayNode)
        {
            read.Error(gatewayNode, $"{where}: {types} is aggregate-non-personal, so its events assert no gateway and a flow that relies on one can never apply", "remove gateway: aggregate data needs none");
        }
    }
}
