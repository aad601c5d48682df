using Hub.Contracts.Agencies;

namespace Hub.Sharing.Participants;

/// <summary>
/// The agencies an agreement set may name: the five well-known agencies, always, followed by those declared in the
/// set's <c>participants.yaml</c>. It is also the set of candidate recipients <c>hub rules</c> decides for.
/// </summary>
public sealed class ParticipantRegistry
{
    /// <summary>The file, in the agreements folder, that declares further participants.</summary>
    public const string FileName = "participants.yaml";

    private static readonly Participant[] WellKnownParticipants =
    [
        new(AgencyCode.Police, "Police", ParticipantKind.Statutory),
        new(AgencyCode.Probation, "Probation (HMPPS)", ParticipantKind.Statutory),
        new(AgencyCode.Jcp, "Jobcentre Plus (DWP)", ParticipantKind.Statutory),
        new(AgencyCode.Nhs, "NHS trusts and services", ParticipantKind.Statutory),
        new(AgencyCode.Council, "The local authority", ParticipantKind.Statutory),
    ];

    private ParticipantRegistry(IReadOnlyList<Participant> all)
    {
        All = all;
        Codes = [.. all.Select(p => p.Code)];
    }

    /// <summary>A set with no participants file: the five well-known agencies.</summary>
    public static ParticipantRegistry WellKnownOnly { get; } = new(WellKnownParticipants);

    /// <summary>The well-known agencies first, in their usual order, then the declared ones in file order.</summary>
    public IReadOnlyList<Participant> All { get; }

    public IReadOnlyList<AgencyCode> Codes { get; }

    public IEnumerable<Participant> Declared => All.Where(p => !p.IsWellKnown);

    public static ParticipantRegistry With(IEnumerable<Participant> declared) => new([.. WellKnownParticipants, .. declared]);

    /// <summary>True for <c>participants.yaml</c> or <c>participants.yml</c>; such a file is not an agreement.</summary>
    public static bool IsParticipantsFile(string fileName) =>
        string.Equals(Path.GetFileName(fileName), FileName, StringComparison.Ordinal)
        || string.Equals(Path.GetFileName(fileName), "participants.yml", StringComparison.Ordinal);

    public bool Contains(AgencyCode code) => Codes.Contains(code);

    public Participant? Find(AgencyCode code) => All.FirstOrDefault(p => p.Code == code);
}
