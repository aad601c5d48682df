using Hub.Sharing.Decisions;

namespace Hub.Router.Agreements;

/// <summary>The decision engine compiled from the agreement set currently in force.</summary>
public interface IAgreementProvider
{
    IDecisionEngine Current { get; }
}
