using System.Text.Json.Serialization;

namespace Hub.Contracts.Custody.V1;

[JsonConverter(typeof(JsonStringEnumConverter<SentenceBand>))]
public enum SentenceBand
{
    [JsonStringEnumMemberName("under-12-months")]
    UnderTwelveMonths,

    [JsonStringEnumMemberName("12-months-or-more")]
    TwelveMonthsOrMore,
}
