namespace Hub.Sharing.Decisions;

/// <summary>
/// The flows that permit one share, in the order they were walked, with the reason each gives and what it relied
/// on. Most shares have exactly one, so the first is held in fields and a list is made only for a second.
/// </summary>
internal struct Permits
{
    private List<(CompiledFlow Compiled, string Reason, DecisionFooting Footing)>? _more;

    public CompiledFlow? First { get; private set; }

    public string? FirstReason { get; private set; }

    private DecisionFooting FirstFooting { get; set; }

    public readonly int Count => First is null ? 0 : 1 + (_more?.Count ?? 0);

    public readonly (CompiledFlow Compiled, string Reason) this[int index] => index == 0 ? (First!, FirstReason!) : (_more![index - 1].Compiled, _more![index - 1].Reason);

    public readonly DecisionFooting FootingAt(int index) => index == 0 ? FirstFooting : _more![index - 1].Footing;

    public void Add(CompiledFlow flow, string reason, DecisionFooting footing)
    {
        if (First is null)
        {
            First = flow;
            FirstReason = reason;
            FirstFooting = footing;
        }
        else
        {
            (_more ??= []).Add((flow, reason, footing));
        }
    }
}
