using System.Text.RegularExpressions;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Reads a flow's lawfulBasis and checks it is fit for the data the flow releases: an Art. 6 basis; for health
/// data an Art. 9 condition with the DPA 2018 Schedule 1 condition that goes with it; for criminal offence data
/// an s10(5) condition.
/// </summary>
internal sealed partial class YamlLawfulBasisReader(NodeReader read)
{
    private static readonly string[] BasisKeys = ["article6", "article9", "schedule1", "criminalOffence", "statement"];

    public LawfulBasis Read(YamlMappingNode map, string where, bool permit, List<EventTypeInfo> eventTypes, List<string> fields)
    {
        var node = NodeReader.Node(map, "lawfulBasis");
        if (read.Mapping(node, $"{where}: lawfulBasis") is not { } basisMap)
        {
            if (permit && node is null)
            {
                read.Error(map, $"{where} permits sharing without a lawfulBasis");
            }

            return LawfulBasis.None;
        }

        read.OnlyKeys(basisMap, "lawfulBasis", BasisKeys);
        var basis = new LawfulBasis
        {
            Article6 = Term(basisMap, "article6", LawfulBases.Article6, where, required: permit) ?? string.Empty,
            Article9 = Term(basisMap, "article9", LawfulBases.Article9, where, required: false),
            Schedule1 = Schedule(basisMap, "schedule1", where),
            CriminalOffence = Schedule(basisMap, "criminalOffence", where),
            Statement = read.Text(basisMap, "statement", where, required: false),
        };

        if (!permit)
        {
            return basis;
        }

        var health = fields.Where(f => eventTypes.Any(e => e.IsSpecialCategory(f))).ToList();
        if (health.Count > 0 && basis.Article9 is null)
        {
            read.Error(basisMap, $"{where} releases health data ({string.Join(", ", health)}) without an Art. 9 condition{(basis.Schedule1 is null ? " and a DPA 2018 Schedule 1 condition" : string.Empty)}", "add lawfulBasis.article9 and, unless it is explicit-consent, the lawfulBasis.schedule1 that goes with it");
        }
        else if (basis.Article9 is not null && LawfulBases.Article9.Any(t => t.Id == basis.Article9))
        {
            Schedule1Fits(basisMap, where, basis, health);
        }

        if (eventTypes.Any(e => e.Classification == DataClassification.CriminalOffence) && basis.CriminalOffence is null)
        {
            read.Error(basisMap, $"{where} shares criminal offence data without a DPA 2018 s10(5) condition", "add lawfulBasis.criminalOffence, e.g. sch1-part2-para6");
        }

        return basis;
    }

    /// <summary>
    /// DPA 2018 s10(2)-(3): Art. 9(2)(b), (g), (h), (i) and (j) need the Schedule 1 condition that supplies their law;
    /// (a) explicit consent, (c) vital interests and (f) legal claims need none, so one given with them is not relied on.
    /// </summary>
    private void Schedule1Fits(YamlMappingNode basisMap, string where, LawfulBasis basis, List<string> health)
    {
        var article9 = basis.Article9!;
        var meaning = LawfulBases.Article9.First(t => t.Id == article9).Meaning;
        var schedule1Node = NodeReader.Node(basisMap, "schedule1");
        if (!LawfulBases.Schedule1ForArticle9.TryGetValue(article9, out var need))
        {
            if (basis.Schedule1 is not null && schedule1Node is not null)
            {
                read.Warning(schedule1Node, $"{where}: {meaning} needs no DPA 2018 Schedule 1 condition, so schedule1 {basis.Schedule1} is not relied on", "remove lawfulBasis.schedule1, or choose the Art. 9 condition it goes with");
            }

            return;
        }

        if (basis.Schedule1 is null)
        {
            if (schedule1Node is null)
            {
                var message = health.Count > 0
                    ? $"{where} releases health data ({string.Join(", ", health)}) under {meaning} without a DPA 2018 Schedule 1 condition"
                    : $"{where}: {meaning} needs a DPA 2018 Schedule 1 condition and the flow names none";
                read.Error(basisMap, message, $"add lawfulBasis.schedule1: {need.Wording}");
            }

            return;
        }

        if (SchedulePattern().IsMatch(basis.Schedule1) && !need.IsMetBy(basis.Schedule1))
        {
            read.Error(schedule1Node!, $"{where}: schedule1 {basis.Schedule1} does not go with {meaning}, which needs {need.Wording}", $"use {need.Wording}, or the Art. 9 condition that {basis.Schedule1} goes with");
        }
    }

    private string? Term(YamlMappingNode map, string key, IReadOnlyList<Term> terms, string where, bool required)
    {
        var value = read.Text(map, key, $"{where}: lawfulBasis", required);
        if (value is not null && terms.All(t => t.Id != value))
        {
            read.Error(NodeReader.Node(map, key)!, $"{where}: {key} '{value}' is not one of {string.Join(", ", terms.Select(t => t.Id))}", Suggestions.DidYouMean(value, terms.Select(t => t.Id)));
        }

        return value;
    }

    private string? Schedule(YamlMappingNode map, string key, string where)
    {
        var value = read.Text(map, key, $"{where}: lawfulBasis", required: false);
        if (value is not null && !SchedulePattern().IsMatch(value))
        {
            read.Error(NodeReader.Node(map, key)!, $"{where}: {key} '{value}' is not a DPA 2018 Schedule 1 condition written as sch1-partN-paraM");
        }

        return value;
    }

    [GeneratedRegex(LawfulBases.Schedule1Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SchedulePattern();
}
