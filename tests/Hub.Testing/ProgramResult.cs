namespace Hub.Testing;

/// <summary>How a program run by <see cref="ProgramRun"/> ended, and what it wrote.</summary>
public sealed record ProgramResult(int ExitCode, string Output, string Errors);
