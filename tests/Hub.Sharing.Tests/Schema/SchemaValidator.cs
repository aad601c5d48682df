using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Sharing.Tests.Schema;

/// <summary>
/// A JSON Schema validator for exactly the keywords schemas/agreement.schema.json uses (a subset that means the same
/// in draft 2020-12 and draft-07, the draft the VS Code YAML extension validates with). JsonSchema.Net cannot be
/// restored here: its dependency JsonPointer.Net is not in the package registry. <see cref="UnknownKeywords"/> lists
/// any keyword this class would silently skip, and a test requires that list to be empty, so a keyword added to the
/// schema without support here fails loudly instead of passing unchecked.
/// </summary>
internal sealed class SchemaValidator(JsonNode schema)
{
    /// <summary>Keywords that only annotate: nothing to check. <c>enumDescriptions</c> is the editors' hover text.</summary>
    private static readonly HashSet<string> Annotations = ["$schema", "$comment", "title", "description", "default", "examples", "enumDescriptions"];

    private static readonly HashSet<string> Assertions =
    [
        "$defs", "$ref", "type", "enum", "const", "pattern", "format", "minLength", "maxLength", "minimum", "maximum",
        "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    ];

    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>Every keyword, with its location, that is neither checked nor a pure annotation.</summary>
    public IReadOnlyList<string> UnknownKeywords()
    {
        var unknown = new List<string>();
        foreach (var (location, sub) in Subschemas(schema, "#"))
        {
            unknown.AddRange(sub.Select(p => p.Key).Where(k => !Annotations.Contains(k) && !Assertions.Contains(k)).Select(k => $"{location}/{k}"));
        }

        return unknown;
    }

    /// <summary>Every schema object inside the schema, with its JSON pointer.</summary>
    public static IEnumerable<(string Location, JsonObject Schema)> Subschemas(JsonNode node, string location)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        yield return (location, obj);
        foreach (var (key, value) in obj)
        {
            var children = key switch
            {
                "$defs" or "properties" => value!.AsObject().Select(p => (p.Value!, $"{location}/{key}/{p.Key}")),
                "allOf" or "anyOf" or "oneOf" => value!.AsArray().Select((v, i) => (v!, $"{location}/{key}/{i}")),
                "items" or "not" or "if" or "then" or "else" or "additionalProperties" => [(value!, $"{location}/{key}")],
                _ => [],
            };
            foreach (var (child, at) in children)
            {
                foreach (var inner in Subschemas(child, at))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every error, each as "pointer: problem"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(schema, instance, string.Empty, errors);
        return errors;
    }

    /// <summary>Errors for <paramref name="instance"/> against one part of the schema, e.g. a definition.</summary>
    public IReadOnlyList<string> ValidateAgainst(JsonNode part, JsonNode? instance)
    {
        var errors = new List<string>();
        Check(part, instance, string.Empty, errors);
        return errors;
    }

    public JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local references are supported: {reference}");
        }

        var node = schema;
        foreach (var segment in reference[2..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")))
        {
            node = node is JsonObject obj && obj[segment] is { } next ? next : throw new KeyNotFoundException($"{reference} does not resolve");
        }

        return node;
    }

    private bool Valid(JsonNode sub, JsonNode? instance, string at)
    {
        var scratch = new List<string>();
        Check(sub, instance, at, scratch);
        return scratch.Count == 0;
    }

    private void Check(JsonNode sub, JsonNode? instance, string at, List<string> errors)
    {
        if (sub is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (boolean.GetValue<bool>() == false)
            {
                errors.Add($"{at}: not allowed here");
            }

            return;
        }

        var s = sub.AsObject();
        if (s["$ref"] is { } reference)
        {
            Check(Resolve(reference.GetValue<string>()), instance, at, errors);
        }

        CheckType(s, instance, at, errors);
        if (s["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, instance)))
        {
            errors.Add($"{at}: {Show(instance)} is not one of {allowed.ToJsonString()}");
        }

        if (s["const"] is { } constant && !JsonNode.DeepEquals(constant, instance))
        {
            errors.Add($"{at}: {Show(instance)} is not {constant.ToJsonString()}");
        }

        CheckString(s, instance, at, errors);
        CheckNumber(s, instance, at, errors);
        CheckObject(s, instance, at, errors);
        CheckArray(s, instance, at, errors);
        CheckCombinations(s, instance, at, errors);
    }

    private static void CheckType(JsonObject s, JsonNode? instance, string at, List<string> errors)
    {
        if (s["type"] is not { } type)
        {
            return;
        }

        var types = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
        if (!types.Any(t => IsType(instance, t)))
        {
            errors.Add($"{at}: {Show(instance)} is not of type {string.Join(" or ", types)}");
        }
    }

    private static bool IsType(JsonNode? instance, string type)
    {
        var kind = instance?.GetValueKind() ?? JsonValueKind.Null;
        return type switch
        {
            "null" => kind == JsonValueKind.Null,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && Math.Floor(Number(instance!)) == Number(instance!),
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            _ => throw new NotSupportedException($"type {type}"),
        };
    }

    private void CheckString(JsonObject s, JsonNode? instance, string at, List<string> errors)
    {
        if (instance?.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var text = instance.GetValue<string>();
        var length = text.EnumerateRunes().Count();
        if (s["minLength"] is { } min && length < min.GetValue<int>())
        {
            errors.Add($"{at}: {Show(instance)} is shorter than {min}");
        }

        if (s["maxLength"] is { } max && length > max.GetValue<int>())
        {
            errors.Add($"{at}: {Show(instance)} is longer than {max}");
        }

        if (s["pattern"] is { } pattern && !PatternOf(pattern.GetValue<string>()).IsMatch(text))
        {
            errors.Add($"{at}: {Show(instance)} does not match {pattern.GetValue<string>()}");
        }

        // The agreement reader accepts only real calendar dates, so "date" is asserted, not just annotated.
        if (s["format"] is { } format && format.GetValue<string>() == "date"
            && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{at}: {Show(instance)} is not a date");
        }
    }

    private static void CheckNumber(JsonObject s, JsonNode? instance, string at, List<string> errors)
    {
        if (instance?.GetValueKind() != JsonValueKind.Number)
        {
            return;
        }

        var value = Number(instance);
        if (s["minimum"] is { } min && value < Number(min))
        {
            errors.Add($"{at}: {Show(instance)} is less than {min}");
        }

        if (s["maximum"] is { } max && value > Number(max))
        {
            errors.Add($"{at}: {Show(instance)} is more than {max}");
        }
    }

    private void CheckObject(JsonObject s, JsonNode? instance, string at, List<string> errors)
    {
        if (instance is not JsonObject obj)
        {
            return;
        }

        foreach (var name in s["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{at}: required key '{name}' is missing");
            }
        }

        var properties = s["properties"]?.AsObject();
        foreach (var (name, value) in obj)
        {
            if (properties?[name] is { } property)
            {
                Check(property, value, $"{at}/{name}", errors);
            }
            else if (s["additionalProperties"] is { } additional)
            {
                Check(additional, value, $"{at}/{name}", errors);
            }
        }
    }

    private void CheckArray(JsonObject s, JsonNode? instance, string at, List<string> errors)
    {
        if (instance is not JsonArray array)
        {
            return;
        }

        if (s["minItems"] is { } min && array.Count < min.GetValue<int>())
        {
            errors.Add($"{at}: has fewer than {min} items");
        }

        if (s["maxItems"] is { } max && array.Count > max.GetValue<int>())
        {
            errors.Add($"{at}: has more than {max} items");
        }

        if (s["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{at}/{i}", errors);
            }
        }
    }

    private void CheckCombinations(JsonObject s, JsonNode? instance, string at, List<string> errors)
    {
        foreach (var all in s["allOf"]?.AsArray() ?? [])
        {
            Check(all!, instance, at, errors);
        }

        if (s["anyOf"] is JsonArray any && !any.Any(a => Valid(a!, instance, at)))
        {
            errors.Add($"{at}: {Show(instance)} matches none of anyOf");
        }

        if (s["oneOf"] is JsonArray one)
        {
            var matches = one.Count(o => Valid(o!, instance, at));
            if (matches != 1)
            {
                errors.Add($"{at}: {Show(instance)} matches {matches} of oneOf, not exactly one");
            }
        }

        if (s["not"] is { } not && Valid(not, instance, at))
        {
            errors.Add($"{at}: {Show(instance)} matches a schema it must not match");
        }

        if (s["if"] is { } condition)
        {
            var branch = Valid(condition, instance, at) ? s["then"] : s["else"];
            if (branch is not null)
            {
                Check(branch, instance, at, errors);
            }
        }
    }

    private Regex PatternOf(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            // JSON Schema patterns are ECMA-262 and unanchored; the schema's patterns are anchored themselves.
            regex = new Regex(pattern, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
            _patterns[pattern] = regex;
        }

        return regex;
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
