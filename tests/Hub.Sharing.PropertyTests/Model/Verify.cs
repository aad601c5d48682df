using FsCheck;
using FsCheck.Fluent;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Xunit.Sdk;

namespace Hub.Sharing.PropertyTests.Model;

/// <summary>Runs a check over generated cases, discarding those whose agreement set does not lint clean.</summary>
public static class Verify
{
    /// <summary>
    /// For every generated case whose files load, decides its request and runs <paramref name="check"/>. Cases whose
    /// files hold an error are discarded (FsCheck counts them; too many fail the property as "arguments exhausted").
    /// </summary>
    public static Property ForAllValid(Gen<CaseModel> gen, Action<CaseModel, AgreementSet, IReadOnlyList<Decision>> check, Func<CaseModel, (bool, string)[]>? classify = null) =>
        Prop.ForAll(CaseGenerators.Arbitrary(gen), c =>
        {
            var set = c.TryLoad();
            var property = Prop.When(set is not null, () => check(c, set!, set!.Decide(c)));
            foreach (var (holds, label) in classify?.Invoke(c) ?? [])
            {
                property = property.Classify(holds, label);
            }

            return property;
        });

    /// <summary>
    /// Fails with the violated rule and the engine's decisions. FsCheck prints the (shrunk) case itself, rendered by
    /// <see cref="CaseModel.ToString"/> as its agreement YAML files and request, just above this message.
    /// </summary>
    public static void That(bool holds, CaseModel c, IReadOnlyList<Decision> decisions, Func<string> violation)
    {
        if (!holds)
        {
            throw new XunitException(
                $"{violation()}{Environment.NewLine}at {c.DecisionTime:yyyy-MM-ddTHH:mm:sszzz}, {c.Event.EventType} from {c.Event.Source}, the engine decided:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", decisions.Select(d => d.Show()))}");
        }
    }

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
