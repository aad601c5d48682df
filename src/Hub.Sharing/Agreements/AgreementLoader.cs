using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using Hub.Sharing.Agreements.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Hub.Sharing.Agreements;

/// <summary>
/// Reads every <c>*.yaml</c> agreement in a folder and validates it against the event catalogue. A folder with any
/// error yields no set at all: an invalid agreement never replaces a valid one.
/// </summary>
public static class AgreementLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static AgreementSet LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new AgreementValidationException([new AgreementError(directory, 0, 0, "agreement folder does not exist")]);
        }

        var files = Directory.GetFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.GetFiles(directory, "*.yml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .ToList();
        return Load(files);
    }

    public static AgreementSet Load(IReadOnlyList<(string Name, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<AgreementError>();
        var agreements = new List<Agreement>();
        foreach (var (name, text) in files)
        {
            var agreement = Parse(name, text, errors);
            if (agreement is not null)
            {
                agreements.Add(agreement);
            }
        }

        foreach (var duplicate in agreements.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new AgreementError(duplicate.Last().SourceFile, 1, 1, $"agreement id {duplicate.Key} is defined in more than one file"));
        }

        if (errors.Count > 0)
        {
            throw new AgreementValidationException(errors);
        }

        return new AgreementSet(agreements, HashOf(files));
    }

    private static Agreement? Parse(string file, string text, List<AgreementError> errors)
    {
        AgreementDocument? document;
        try
        {
            document = Deserializer.Deserialize<AgreementDocument>(text);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            errors.Add(new AgreementError(file, (int)ex.Start.Line, (int)ex.Start.Column, message));
            return null;
        }

        if (document is null)
        {
            errors.Add(new AgreementError(file, 1, 1, "file is empty"));
            return null;
        }

        var before = errors.Count;
        void Error(string message) => errors.Add(new AgreementError(file, 1, 1, message));

        if (string.IsNullOrWhiteSpace(document.Id))
        {
            Error("agreement has no id");
        }

        if (document.Version is null or < 1)
        {
            Error("agreement version must be a whole number of at least 1");
        }

        if (!Enum.TryParse<AgreementStatus>(document.Status, ignoreCase: true, out var status))
        {
            Error($"status '{document.Status}' is not one of draft, active, suspended, retired");
        }

        var effective = ParseDate(document.Effective, "effective", Error);
        var expires = document.Expires is null ? null : ParseDate(document.Expires, "expires", Error);
        if (effective is not null && expires is not null && expires <= effective)
        {
            Error("expires must be after effective");
        }

        var flows = new List<Flow>();
        if (document.Flows is null || document.Flows.Count == 0)
        {
            Error("agreement has no flows");
        }
        else
        {
            foreach (var flow in document.Flows)
            {
                var parsed = ParseFlow(flow, Error);
                if (parsed is not null)
                {
                    flows.Add(parsed);
                }
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Agreement
        {
            Id = document.Id!,
            Version = document.Version!.Value,
            Title = document.Title ?? document.Id!,
            Status = status,
            Effective = effective!.Value,
            Expires = expires,
            Flows = flows,
            SourceFile = file,
        };
    }

    private static Flow? ParseFlow(FlowDocument flow, Action<string> error)
    {
        var label = flow.Id ?? "(no id)";
        var ok = true;
        void Fail(string message)
        {
            ok = false;
            error($"flow {label}: {message}");
        }

        if (string.IsNullOrWhiteSpace(flow.Id))
        {
            Fail("has no id");
        }

        var effect = FlowEffect.Permit;
        if (flow.Effect is not null && !Enum.TryParse(flow.Effect, ignoreCase: true, out effect))
        {
            Fail($"effect '{flow.Effect}' is not permit or forbid");
        }

        if (!AgencyCode.TryParse(flow.Source, out var source))
        {
            Fail($"source '{flow.Source}' is not an agency code");
        }

        var recipients = new List<AgencyCode>();
        foreach (var recipient in flow.Recipients ?? [])
        {
            if (AgencyCode.TryParse(recipient, out var code))
            {
                recipients.Add(code);
            }
            else
            {
                Fail($"recipient '{recipient}' is not an agency code");
            }
        }

        if (recipients.Count == 0)
        {
            Fail("names no recipients");
        }

        var eventTypes = flow.EventTypes ?? [];
        if (eventTypes.Count == 0)
        {
            Fail("names no event types");
        }

        var knownFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var eventType in eventTypes)
        {
            if (EventCatalogue.TryGet(eventType, out var info))
            {
                knownFields.UnionWith(info.Fields);
            }
            else
            {
                Fail($"event type '{eventType}' is not in the event catalogue");
            }
        }

        var fields = flow.Fields ?? [];
        if (effect == FlowEffect.Permit && fields.Count == 0)
        {
            Fail("permits sharing but releases no fields");
        }

        foreach (var field in fields.Where(f => knownFields.Count > 0 && !knownFields.Contains(f)))
        {
            Fail($"field '{field}' does not exist on {string.Join(" or ", eventTypes)}");
        }

        if (string.IsNullOrWhiteSpace(flow.Purpose))
        {
            Fail("has no purpose");
        }

        if (effect == FlowEffect.Permit && string.IsNullOrWhiteSpace(flow.LawfulBasis))
        {
            Fail("permits sharing without a lawful basis");
        }

        if (!ok)
        {
            return null;
        }

        return new Flow
        {
            Id = flow.Id!,
            Effect = effect,
            Source = source,
            EventTypes = eventTypes,
            Recipients = recipients,
            Purpose = flow.Purpose!,
            LawfulBasis = flow.LawfulBasis ?? string.Empty,
            Fields = fields,
            Obligations = new Obligations
            {
                RetentionDays = flow.Obligations?.RetentionDays,
                OnwardSharingForbidden = flow.Obligations?.OnwardSharingForbidden ?? false,
            },
        };
    }

    private static DateOnly? ParseDate(string? text, string name, Action<string> error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error($"{name} date '{text}' is not a date in the form YYYY-MM-DD");
        return null;
    }

    private static string HashOf(IReadOnlyList<(string Name, string Text)> files)
    {
        var builder = new StringBuilder();
        foreach (var (name, text) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append('\0').Append(text.ReplaceLineEndings("\n")).Append('\0');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..16];
    }
}
