using System.Xml.Linq;
using Hl7.Fhir.Model;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// A generated narrative (<c>text.status = generated</c>) as R4 requires it: one XHTML <c>div</c> in the XHTML
/// namespace, with only paragraphs, bold text and a list (no scripts, styles, forms or links), every value escaped.
/// Callers pass only what the resource's own elements hold, so the narrative says nothing the record does not.
/// </summary>
public static class FhirNarrative
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>A heading, then one line per fact as a list, then any closing paragraphs (e.g. a note).</summary>
    public static Narrative Generated(string heading, IEnumerable<string> facts, IEnumerable<string> closing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(closing);
        var div = new XElement(Xhtml + "div", new XElement(Xhtml + "p", new XElement(Xhtml + "b", heading)));
        var items = facts.Select(fact => new XElement(Xhtml + "li", fact)).ToList();
        if (items.Count > 0)
        {
            div.Add(new XElement(Xhtml + "ul", items));
        }

        div.Add(closing.Select(paragraph => new XElement(Xhtml + "p", paragraph)));
        return new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = div.ToString(SaveOptions.DisableFormatting) };
    }
}
