using System.Text.Json.Serialization;

namespace Hub.LoadHarness.Measure;

/// <summary>How events enter the hub in a paced phase: the probation worker's HTTP ingest, or one-row files in its drop folder.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedPath>))]
public enum FeedPath
{
    [JsonStringEnumMemberName("http")]
    Http,

    [JsonStringEnumMemberName("drop-folder")]
    DropFolder,
}
