using System.CommandLine;
using System.Text.RegularExpressions;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// Who is acting and why, for the operator-access rows of the ledger. The name defaults to the account running the
/// command; the reason is free text the operator writes, so the help asks for a ticket reference, not personal data.
/// </summary>
internal sealed partial class OperatorOptions
{
    public Option<string?> Operator { get; } = new("--operator") { Description = "Who is acting, as recorded in the ledger (default: the OS account name)" };

    public Option<string?> Reason { get; } = new("--reason") { Description = "Why, as recorded in the ledger: a ticket or incident reference, never personal data" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Operator);
        command.Options.Add(Reason);
    }

    /// <returns>The operator's name, or null with <paramref name="error"/>.</returns>
    public string? Who(ParseResult result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = result.GetValue(Operator) ?? Environment.UserName;
        error = NamePattern().IsMatch(name) ? null : "--operator must be 1-64 letters, digits or . _ @ \\ - (an account name).";
        return error is null ? name : null;
    }

    /// <returns>The reason (null when none was given and none is required), or null with <paramref name="error"/>.</returns>
    public string? Why(ParseResult result, bool required, string requiredFor, out string? error)
    {
        ArgumentNullException.ThrowIfNull(result);
        var reason = result.GetValue(Reason)?.Trim();
        error = null;
        if (string.IsNullOrEmpty(reason))
        {
            error = required ? $"{requiredFor} needs --reason \"...\" (a ticket or incident reference): it is recorded in the ledger." : null;
            return null;
        }

        if (reason.Length is < 3 or > 300 || reason.Any(char.IsControl))
        {
            error = "--reason must be 3-300 characters on one line.";
            return null;
        }

        return reason;
    }

    [GeneratedRegex("^[A-Za-z0-9._@\\\\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
