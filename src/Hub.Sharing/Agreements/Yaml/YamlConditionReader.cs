using Hub.Contracts.Catalogue;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Reads a flow's conditions on event fields: each names a field of the flow's event types and exactly one test. A subject
/// identifier may only be tested for presence (a recipient that matches people by NINo gets nothing it cannot match).
/// </summary>
internal sealed class YamlConditionReader(NodeReader read)
{
    private static readonly string[] ConditionKeys = ["field", "equals", "in", "notIn", "exists"];

    public List<FieldCondition> Read(YamlMappingNode map, List<EventTypeInfo> eventTypes, string where)
    {
        var conditions = new List<FieldCondition>();
        if (NodeReader.Node(map, "conditions") is not { } node)
        {
            return conditions;
        }

        if (node is not YamlSequenceNode sequence)
        {
            read.Error(node, $"{where}: conditions must be a list");
            return conditions;
        }

        var known = eventTypes.SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in sequence)
        {
            if (read.Mapping(entry, $"{where}: a condition") is not { } condition)
            {
                continue;
            }

            read.OnlyKeys(condition, "a condition", ConditionKeys);
            var field = read.Text(condition, "field", $"{where}: a condition", required: true);
            if (field is not null && eventTypes.Count > 0 && !known.Contains(field))
            {
                read.Error(NodeReader.Node(condition, "field")!, $"{where}: condition field '{field}' does not exist on {string.Join(" or ", eventTypes.Select(e => e.Name))}", Suggestions.DidYouMean(field, known));
            }

            var tests = ConditionKeys.Skip(1).Where(k => NodeReader.Node(condition, k) is not null).ToList();
            if (tests.Count != 1)
            {
                read.Error(condition, $"{where}: a condition needs exactly one of equals, in, notIn or exists");
                continue;
            }

            if (field is not null && field.StartsWith(FieldCondition.SubjectPrefix, StringComparison.Ordinal) && tests[0] != "exists")
            {
                read.Error(condition, $"{where}: a condition on the subject identifier '{field}' can only test exists: a value test would write an identifier into the agreement");
                continue;
            }

            var (op, values) = tests[0] switch
            {
                "equals" => (ConditionOperator.EqualTo, read.List(condition, "equals", where, required: true)),
                "in" => (ConditionOperator.In, read.List(condition, "in", where, required: true)),
                "notIn" => (ConditionOperator.NotIn, read.List(condition, "notIn", where, required: true)),
                _ => (ConditionOperator.Exists, read.List(condition, "exists", where, required: true)),
            };
            var texts = values.Select(v => v.Value is "True" or "TRUE" or "False" or "FALSE" ? v.Value.ToLowerInvariant() : v.Value).ToList();
            var shapeError = op switch
            {
                ConditionOperator.EqualTo when texts.Count != 1 => "equals takes exactly one value",
                ConditionOperator.In or ConditionOperator.NotIn when texts.Count == 0 => $"{tests[0]} needs at least one value",
                ConditionOperator.Exists when texts is not ["true"] and not ["false"] => "exists takes true or false",
                _ => null,
            };
            if (shapeError is not null)
            {
                read.Error(NodeReader.Node(condition, tests[0])!, $"{where}: condition on {field}: {shapeError}");
            }
            else if (field is not null)
            {
                conditions.Add(new FieldCondition(field, op, texts));
            }
        }

        return conditions;
    }
}
