using System.Globalization;

namespace Hub.Sharing.Vocabulary;

/// <summary>
/// The DPA 2018 Schedule 1 paragraphs that can supply the law for one Art. 9(2) condition: Part <see cref="Part"/>,
/// paragraphs <see cref="FirstParagraph"/> to <see cref="LastParagraph"/>.
/// </summary>
public sealed record Schedule1Need(int Part, int FirstParagraph, int LastParagraph, string Wording)
{
    /// <summary>Whether a condition written <c>sch1-partN-paraM</c> is one of the paragraphs this Art. 9 condition takes.</summary>
    public bool IsMetBy(string schedule1)
    {
        ArgumentNullException.ThrowIfNull(schedule1);
        var parts = schedule1.Split('-');
        return parts is ["sch1", var part, var para]
            && part.StartsWith("part", StringComparison.Ordinal)
            && para.StartsWith("para", StringComparison.Ordinal)
            && int.TryParse(part.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber)
            && int.TryParse(para.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var paraNumber)
            && partNumber == Part
            && paraNumber >= FirstParagraph
            && paraNumber <= LastParagraph;
    }
}
