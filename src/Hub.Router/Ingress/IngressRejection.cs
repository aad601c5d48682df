namespace Hub.Router.Ingress;

/// <summary>A refusal: a code from <see cref="RejectionCodes"/> and a reason that names fields, never their values.</summary>
public sealed record IngressRejection(string Code, string Reason)
{
    public override string ToString() => $"{Code}: {Reason}";
}
