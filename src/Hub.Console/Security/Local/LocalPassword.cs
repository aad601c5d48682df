using System.Security.Cryptography;
using System.Text;

namespace Hub.WebConsole.Security.Local;

/// <summary>
/// The local user's password: generated at start-up (about 99 bits, no default, never configured), valid until the console
/// stops. Compared in constant time.
/// </summary>
public sealed class LocalPassword
{
    // No 0/o, 1/l/i: read off a terminal and typed by hand.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Groups = 4;
    private const int GroupLength = 5;

    private readonly byte[] _digest;

    public LocalPassword()
    {
        Value = string.Join('-', Enumerable.Range(0, Groups).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, GroupLength))));
        _digest = Digest(Value);
    }

    public string Value { get; }

    public bool Matches(string? attempt) =>
        attempt is not null && CryptographicOperations.FixedTimeEquals(_digest, Digest(attempt.Trim()));

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
