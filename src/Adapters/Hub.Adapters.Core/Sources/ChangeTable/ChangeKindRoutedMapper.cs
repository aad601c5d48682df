using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// A change table carrying several record kinds: the kind column picks the record type (columns bind by their
/// snake_case names) and its mapper. A row of an unrouted kind is quarantined with that reason.
/// </summary>
public abstract class ChangeKindRoutedMapper : KeyRoutedMapper<ChangeTableRecord>
{
    protected override string KeyName => "record_kind";

    protected override RecordNaming Naming => RecordNaming.SnakeCase;

    protected override string? KeyOf(ChangeTableRecord record) => record.Kind;

    protected override JsonElement FieldsOf(ChangeTableRecord record) => record.Fields;
}
