using System.Text.Json.Serialization;

namespace Hub.Contracts.Envelope;

/// <summary>What kind of data an event carries; drives which lawful-basis conditions an agreement must name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataClassification>))]
public enum DataClassification
{
    [JsonStringEnumMemberName("personal")]
    Personal,

    /// <summary>UK GDPR Art. 9 health data: needs an Art. 9 condition and, unless it is explicit consent, a DPA 2018 Sch. 1 condition.</summary>
    [JsonStringEnumMemberName("special-category-health")]
    SpecialCategoryHealth,

    /// <summary>UK GDPR Art. 10 / DPA 2018 s10-11 criminal offence data.</summary>
    [JsonStringEnumMemberName("criminal-offence")]
    CriminalOffence,

    /// <summary>Aggregate statistics with no person identifiable; an event of this class must carry no subject.</summary>
    [JsonStringEnumMemberName("aggregate-non-personal")]
    AggregateNonPersonal,
}
