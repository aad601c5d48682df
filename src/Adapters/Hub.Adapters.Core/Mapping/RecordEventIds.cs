using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Mapping;

/// <summary>
/// Event ids derived from the source record's own key, so re-reading the same record (a re-dropped file, a re-polled
/// row, a reformatted export) yields the same event id and the router's idempotency drops the repeat.
/// </summary>
public static class RecordEventIds
{
    public static Guid For(AgencyCode agency, string recordKind, string recordKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{agency.Value}/{recordKind}/{recordKey}"));
        var bytes = hash.AsSpan(0, 16).ToArray();

        // RFC 9562 version 8 (custom) with the RFC variant bits.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
