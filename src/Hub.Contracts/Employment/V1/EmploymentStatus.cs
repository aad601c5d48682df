using System.Text.Json.Serialization;

namespace Hub.Contracts.Employment.V1;

[JsonConverter(typeof(JsonStringEnumConverter<EmploymentStatus>))]
public enum EmploymentStatus
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    [JsonStringEnumMemberName("employed")]
    Employed,

    [JsonStringEnumMemberName("not-employed")]
    NotEmployed,
}
