namespace Hub.Adapters.Core.Sinks.DropFolder;

/// <summary>A delivery's document written and flushed under a hidden temp name, waiting for its group's rename.</summary>
public sealed record StagedFile(Guid DeliveryId, string TempPath, string FinalPath, string MarkerPath);
