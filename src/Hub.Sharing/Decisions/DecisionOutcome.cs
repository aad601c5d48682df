namespace Hub.Sharing.Decisions;

public enum DecisionOutcome
{
    Allowed,
    Denied,
}
