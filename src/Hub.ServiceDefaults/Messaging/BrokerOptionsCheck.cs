using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// What data annotations cannot say about <see cref="BrokerOptions"/>: the password unless the client certificate is the
/// identity, and the TLS files (present, readable, key matching certificate, certificate naming the configured user),
/// checked at start-up rather than at the first connection. Shared with <c>hub ops</c>.
/// </summary>
public sealed class BrokerOptionsCheck : IValidateOptions<BrokerOptions>
{
    public const string PasswordRequired = "Broker:Password is required (set AGENCYHUB_Broker__Password or appsettings).";

    public ValidateOptionsResult Validate(string? name, BrokerOptions options) =>
        ProblemWith(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    /// <returns>One line naming the first wrong setting, or null.</returns>
    public static string? ProblemWith(BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var tls = broker.Tls;
        if (!tls.UseCertificateIdentity && string.IsNullOrEmpty(broker.Password))
        {
            return PasswordRequired;
        }

        if (!tls.Enabled)
        {
            return tls.HasClientCertificate || tls.UseCertificateIdentity || tls.PinnedServerCertificateSha256.Count > 0
                ? "Broker:Tls client certificates, certificate identity and pins need Broker:Tls:Enabled=true."
                : null;
        }

        if (tls.UseCertificateIdentity && !tls.HasClientCertificate)
        {
            return "Broker:Tls:UseCertificateIdentity needs Broker:Tls:ClientCertificateFile and Broker:Tls:ClientKeyFile.";
        }

        try
        {
            _ = new BrokerCertificateValidator(tls);
            using var certificate = BrokerClientCertificate.Load(tls);
            if (tls.UseCertificateIdentity && certificate is not null && BrokerClientCertificate.CommonNameOf(certificate) != broker.Username)
            {
                return "Broker:Tls:UseCertificateIdentity logs in as the client certificate's common name, which is not Broker:Username.";
            }
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }

        return null;
    }
}
