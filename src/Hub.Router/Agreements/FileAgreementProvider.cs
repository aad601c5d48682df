using Hub.Router.Configuration;
using Hub.Router.Telemetry;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Agreements;

/// <summary>Loads and validates the agreement folder once, at start-up; an invalid set stops the router.</summary>
public sealed class FileAgreementProvider : IAgreementProvider
{
    public FileAgreementProvider(IOptions<RouterOptions> options, ILogger<FileAgreementProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        AgreementSet set;
        try
        {
            set = AgreementLoader.LoadDirectory(options.Value.AgreementsPath);
        }
        catch (AgreementValidationException ex)
        {
            RouterLog.AgreementsInvalid(logger, string.Join(Environment.NewLine, ex.Errors));
            throw;
        }

        RouterLog.AgreementsLoaded(logger, set.Hash, set.Agreements.Count, set.Agreements.Sum(a => a.Flows.Count));
        Current = new AgreementDecisionEngine(set);
    }

    public IDecisionEngine Current { get; }
}
