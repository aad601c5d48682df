using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Hub.Contracts.Catalogue;

/// <summary>
/// Whether a message-type URN a sender wrote may be quoted back (in a rejection reason, so in the ledger, a dead
/// letter's <c>MT-Reason</c> and a log line; in <c>hub ops</c> output): only when it reads as a type name, a namespace
/// of words of letters and version segments (<c>V1</c>), then a type name of letters (<c>+</c> joining a nested
/// type's), as the hub's own do (<c>urn:message:Hub.Contracts.Custody.V1:ReleaseScheduled</c>). Every identifier
/// the hub carries has digits, spaces or marks elsewhere (NHS number, NINo, PNC id, prison number, case reference,
/// date, postcode), so none is ever quoted; a URN that is not quoted is described, never echoed.
/// </summary>
public static partial class MessageTypeText
{
    public const string NotQuoted = "(not quoted: not a type name)";

    public static bool IsQuotable([NotNullWhen(true)] string? urn) => urn is { Length: <= 200 } && TypeUrn().IsMatch(urn);

    /// <summary><paramref name="urn"/> itself when <see cref="IsQuotable"/>, otherwise <see cref="NotQuoted"/>.</summary>
    public static string Describe(string? urn) => IsQuotable(urn) ? urn : NotQuoted;

    [GeneratedRegex("^urn:message:(?:[A-Za-z_]+|V[0-9]{1,3})(?:\\.(?:[A-Za-z_]+|V[0-9]{1,3}))*:[A-Za-z_]{1,100}(?:\\+[A-Za-z_]{1,100})*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeUrn();
}
