namespace Hub.Sharing.Agreements;

public enum ConditionOperator
{
    EqualTo,
    In,
    NotIn,
    Exists,
}
