namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// <c>Adapter:Sources:DropFolder</c>: a folder the agency's systems drop files into. Under <see cref="Path"/> the
/// source uses <c>inbox/</c>, <c>done/</c>, <c>quarantine/</c>, <c>reports/</c> and <c>state/</c> (checkpoints).
/// </summary>
public sealed class DropFolderOptions
{
    public const string SectionName = "Adapter:Sources:DropFolder";

    public bool Enabled { get; set; }

    /// <summary>Root folder; created with its sub-folders at start.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How often <c>inbox/</c> is scanned.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file is taken only once unmodified this long, so a file still being copied is left alone.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Larger files are quarantined whole (the file is read into memory to hash and split it).</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;
}
