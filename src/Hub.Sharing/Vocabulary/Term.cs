namespace Hub.Sharing.Vocabulary;

/// <summary>One entry of a controlled vocabulary: the id agreements use and what it means in plain words.</summary>
public sealed record Term(string Id, string Meaning);
