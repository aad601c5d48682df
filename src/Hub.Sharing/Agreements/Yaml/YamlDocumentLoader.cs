using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Parses one agreement, case or participants file into its single document's root node under
/// <see cref="YamlLimits"/>. Whatever the parser throws, <see cref="YamlException"/> or not, becomes one located
/// error (never the exception's own text when it is not a YAML error, as that may quote the file).
/// </summary>
internal static class YamlDocumentLoader
{
    /// <summary>The root node; null, with a located error, when the file is not YAML within the limits; null alone when it is empty.</summary>
    public static YamlNode? Load(string file, string text, List<AgreementDiagnostic> diagnostics)
    {
        if (text.Length > YamlLimits.MaxCharacters)
        {
            diagnostics.Add(new AgreementDiagnostic(file, 1, 1, $"the file is larger than {YamlLimits.MaxCharacters:N0} characters; agreement, case and participants files are refused past that limit"));
            return null;
        }

        var parser = new LimitedParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Located(file, ex.Start.Line > 0 ? ex.Start : parser.Position, "not valid YAML: " + (ex.InnerException is YamlException inner ? inner.Message : ex.Message)));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet can fail on malformed input with other exception types; where it was is all we can say safely.
            diagnostics.Add(Located(file, parser.Position, $"not valid YAML: the parser stopped here ({ex.GetType().Name})"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(Located(file, stream.Documents[1].RootNode.Start, "the file holds more than one YAML document (a second ---); write one per file"));
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>Keeps the first <see cref="YamlLimits.MaxErrorsPerFile"/> errors <paramref name="file"/> added since <paramref name="from"/>, and says how many more there were.</summary>
    public static void CapErrors(List<AgreementDiagnostic> diagnostics, int from, string file)
    {
        var kept = 0;
        AgreementDiagnostic? firstDropped = null;
        var dropped = 0;
        for (var i = from; i < diagnostics.Count; i++)
        {
            if (!diagnostics[i].IsError || ++kept <= YamlLimits.MaxErrorsPerFile)
            {
                continue;
            }

            firstDropped ??= diagnostics[i];
            diagnostics.RemoveAt(i--);
            dropped++;
        }

        if (firstDropped is not null)
        {
            diagnostics.Add(new AgreementDiagnostic(file, firstDropped.Line, firstDropped.Column, $"{dropped} more error(s) from here are not listed; fix the first {YamlLimits.MaxErrorsPerFile} and lint again"));
        }
    }

    private static AgreementDiagnostic Located(string file, Mark at, string message) =>
        new(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), message);
}
