namespace Hub.IntegrationTests.Docs;

/// <summary>A fenced shell block of a document marked runnable, with where it starts (for the failure message).</summary>
public sealed record RunnableBlock(string Document, int Line, string Script);
