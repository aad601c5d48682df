namespace Hub.Sharing.Vocabulary;

/// <summary>
/// A statutory gateway: the purposes it prescribes, and whether data obtained under it may go further than
/// those purposes. Data tagged with a gateway keeps its limits wherever it travels next (architecture §5.5).
/// </summary>
public sealed record Gateway(string Id, string Statute, IReadOnlyList<string> PrescribedPurposes, string OnwardDisclosure);
